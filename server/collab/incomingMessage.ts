import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { MessageType } from '../../shared/collabProtocol.ts'

/** A client message, fully parsed before anything is acted upon. */
export type IncomingMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; isSyncStep2: boolean }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }

export class MalformedMessageError extends Error {}
export class UnknownMessageTypeError extends Error {}

/**
 * Parses one y-websocket message. Throws `MalformedMessageError` for truncated frames or
 * trailing bytes and `UnknownMessageTypeError` for types the protocol does not have, so that a
 * message is refused as a whole and never half-applied.
 */
export function parseIncomingMessage(data: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(data)
  let message: IncomingMessage
  try {
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync:
        message = parseSync(decoder)
        break
      case MessageType.awareness:
        message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
        break
      case MessageType.queryAwareness:
        message = { type: 'queryAwareness' }
        break
      default:
        throw new UnknownMessageTypeError(`message type ${type}`)
    }
  } catch (error) {
    if (error instanceof UnknownMessageTypeError) throw error
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error))
  }
  if (decoder.pos !== data.length) {
    throw new MalformedMessageError(`${data.length - decoder.pos} trailing bytes`)
  }
  return message
}

function parseSync(decoder: decoding.Decoder): IncomingMessage {
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1:
      return { type: 'syncStep1', stateVector: payload }
    case syncProtocol.messageYjsSyncStep2:
      return { type: 'update', update: payload, isSyncStep2: true }
    case syncProtocol.messageYjsUpdate:
      return { type: 'update', update: payload, isSyncStep2: false }
    default:
      throw new UnknownMessageTypeError(`sync message type ${syncType}`)
  }
}
