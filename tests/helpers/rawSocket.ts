import WebSocket from 'ws'
import { withAccessToken } from './testCredentials.ts'

/** How a hand-made connection ended: the close frame, or the HTTP answer that refused it. */
export interface RawClose {
  /** The close code, or null if the connection was still open at the deadline. */
  code: number | null
  reason: string
  /** The HTTP status when the server refused the upgrade instead of accepting it. */
  httpStatus?: number
}

export interface RawSocketOptions {
  /**
   * The request path sent as is, bypassing URL normalisation (`new URL` would turn
   * `/collab/../../etc` into `/etc` before the server ever saw it).
   */
  literalPath?: string
  /** How long to wait for the server to close the connection. */
  timeoutMs?: number
  /** Connect without the test actor's token (see testCredentials.ts). */
  isAnonymous?: boolean
}

/** A hand-made WebSocket client that sends whatever bytes a test gives it. */
export class RawSocket {
  /** Every binary message the server sent, in order. */
  readonly received: Uint8Array[] = []
  /** Resolves once the connection is closed, or with `code: null` at the deadline. */
  readonly closed: Promise<RawClose>
  readonly #socket: WebSocket
  readonly #opened: Promise<void>

  constructor(url: string, options: RawSocketOptions = {}) {
    const { literalPath, timeoutMs = 5_000 } = options
    this.#socket = new WebSocket(options.isAnonymous ? url : withAccessToken(url), {
      perMessageDeflate: false,
      // The server decides what is too big; the client must be able to send anything.
      maxPayload: 64 * 1024 * 1024,
      finishRequest: (request) => {
        if (literalPath !== undefined) {
          request.path = options.isAnonymous
            ? literalPath
            : withAccessToken(`http://x${literalPath}`, url).slice('http://x'.length)
        }
        request.end()
      },
    })
    let httpStatus: number | undefined
    this.#socket.on('unexpected-response', (request, response) => {
      httpStatus = response.statusCode
      response.resume()
      request.destroy()
    })
    this.#socket.on('message', (data: WebSocket.RawData) => {
      this.received.push(toBytes(data))
    })
    this.#opened = new Promise((resolve, reject) => {
      this.#socket.once('open', () => resolve())
      this.#socket.once('close', () => reject(new Error('closed before it opened')))
    })
    // A refused upgrade settles through `closed`; `opened` must not be an unhandled rejection.
    this.#opened.catch(() => undefined)
    this.#socket.on('error', () => undefined)
    this.closed = new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve({ code: null, reason: `still open after ${timeoutMs} ms` })
        this.#socket.terminate()
      }, timeoutMs)
      this.#socket.once('close', (code: number, reason: Buffer) => {
        clearTimeout(timer)
        resolve(
          httpStatus === undefined
            ? { code, reason: reason.toString('utf8') }
            : { code, reason: reason.toString('utf8'), httpStatus },
        )
      })
    })
  }

  /** Resolves when the upgrade succeeded; rejects if the connection closed first. */
  opened(): Promise<void> {
    return this.#opened
  }

  /** Sends one binary WebSocket message, resolving once it has been written. */
  async send(bytes: Uint8Array): Promise<void> {
    await this.#opened
    await new Promise<void>((resolve, reject) => {
      this.#socket.send(bytes, { binary: true }, (error) => (error ? reject(error) : resolve()))
    })
  }

  /** Closes from the client side (for connections the server rightly kept open). */
  close(): void {
    this.#socket.close()
  }

  /** Abandons the connection without a closing handshake. */
  terminate(): void {
    this.#socket.terminate()
  }
}

/**
 * Opens a connection, sends each message in turn, and resolves with how the server closed it.
 * A message the server closes on before the rest were sent is fine: the rest are dropped.
 */
export async function sendAndAwaitClose(
  url: string,
  messages: readonly Uint8Array[],
  options: RawSocketOptions = {},
): Promise<RawClose> {
  const socket = new RawSocket(url, options)
  try {
    for (const message of messages) await socket.send(message)
  } catch {
    // Closed early: `closed` says how.
  }
  return socket.closed
}

/** Connects (possibly to a path the server should refuse) and resolves with the close. */
export function connectAndAwaitClose(
  url: string,
  options: RawSocketOptions = {},
): Promise<RawClose> {
  return new RawSocket(url, options).closed
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
