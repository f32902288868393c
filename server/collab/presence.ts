import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { PresenceUser } from '../../shared/presence.ts'

export interface AwarenessEntry {
  clientId: number
  clock: number
  state: Record<string, unknown> | null
}

/** Decodes a y-protocols awareness update (count, then client id, clock, JSON state each). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder))
    const state =
      parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : null
    entries.push({ clientId, clock, state })
  }
  if (decoder.pos !== update.length) throw new Error('trailing bytes in awareness update')
  return entries
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, JSON.stringify(entry.state))
  }
  return encoding.toUint8Array(encoder)
}

/** The entries with the server's word on who the user is in place of the client's. */
export function stampPresence(
  entries: readonly AwarenessEntry[],
  user: PresenceUser,
): AwarenessEntry[] {
  return entries.map((entry) =>
    entry.state === null ? entry : { ...entry, state: { ...entry.state, user } },
  )
}
