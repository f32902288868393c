import net from 'node:net'

/**
 * WebSocket at the level of TCP bytes, for what no WebSocket library will send: frames that
 * lie about their length, stop half-way, are not masked, or never end; and upgrades whose
 * request never ends.
 */

/** The masking key of every frame (any key will do; a fixed one keeps the bytes replayable). */
const MASK = Buffer.from([0x37, 0xfa, 0x21, 0x3d])

export const Opcode = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8 } as const

/** A client frame: masked unless told, with the payload's length unless `declaredLength` lies. */
export function encodeFrame(props: {
  opcode?: number
  fin?: boolean
  mask?: boolean
  payload?: Uint8Array
  declaredLength?: bigint
}): Buffer {
  const { opcode = Opcode.binary, fin = true, mask = true } = props
  const payload = Buffer.from(props.payload ?? new Uint8Array())
  const length = props.declaredLength ?? BigInt(payload.length)
  const maskBit = mask ? 0x80 : 0
  const first = (fin ? 0x80 : 0) | opcode
  let header: Buffer
  if (length < 126n) {
    header = Buffer.from([first, maskBit | Number(length)])
  } else if (length < 65_536n) {
    header = Buffer.alloc(4)
    header[0] = first
    header[1] = maskBit | 126
    header.writeUInt16BE(Number(length), 2)
  } else {
    header = Buffer.alloc(10)
    header[0] = first
    header[1] = maskBit | 127
    header.writeBigUInt64BE(length, 2)
  }
  if (!mask) return Buffer.concat([header, payload])
  const masked = Buffer.alloc(payload.length)
  for (let i = 0; i < payload.length; i++) masked[i] = payload[i]! ^ MASK[i % 4]!
  return Buffer.concat([header, MASK, masked])
}

/** How the server ended a raw connection. */
export interface RawTcpClose {
  /** The code of the server's close frame, or null if it closed the TCP connection without one. */
  closeCode: number | null
  /** True if the server neither sent a close frame nor closed the TCP connection by the deadline. */
  isTimedOut: boolean
}

function upgradeRequest(path: string, headers: Record<string, string>): string {
  const lines = [
    `GET ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ]
  return `${lines.join('\r\n')}\r\n\r\n`
}

/** A WebSocket whose frames the test writes byte by byte, after a real upgrade. */
export class RawTcpWebSocket {
  /** Resolves when the server ends the connection, or at the deadline. */
  readonly closed: Promise<RawTcpClose>
  #received = Buffer.alloc(0)
  #closeCode: number | null = null
  #onCloseFrame: () => void = () => undefined

  private constructor(
    private readonly socket: net.Socket,
    rest: Buffer,
    timeoutMs: number,
  ) {
    // The server's close frame ends the connection for the test: a server closing cleanly
    // waits for the client's answer (which a raw client never sends) before it drops the TCP
    // connection.
    this.closed = new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve({ closeCode: this.#closeCode, isTimedOut: true })
        socket.destroy()
      }, timeoutMs)
      const settle = () => {
        clearTimeout(timer)
        resolve({ closeCode: this.#closeCode, isTimedOut: false })
        socket.destroy()
      }
      this.#onCloseFrame = settle
      socket.once('close', settle)
    })
    socket.on('data', (chunk: Buffer) => this.#receive(chunk))
    this.#receive(rest)
  }

  /**
   * Upgrades `path` (with its query: the token goes there) on the server at `port`; rejects
   * with the HTTP status line if the server refuses.
   */
  static open(props: {
    port: number
    path: string
    headers?: Record<string, string>
    timeoutMs?: number
  }): Promise<RawTcpWebSocket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(props.port, '127.0.0.1')
      socket.on('error', () => undefined)
      let head = Buffer.alloc(0)
      const onData = (chunk: Buffer) => {
        head = Buffer.concat([head, chunk])
        const end = head.indexOf('\r\n\r\n')
        if (end < 0) return
        socket.off('data', onData)
        const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1')
        if (!statusLine.startsWith('HTTP/1.1 101')) {
          socket.destroy()
          reject(new Error(statusLine))
          return
        }
        resolve(new RawTcpWebSocket(socket, head.subarray(end + 4), props.timeoutMs ?? 5_000))
      }
      socket.on('data', onData)
      socket.once('close', () => reject(new Error('closed during the upgrade')))
      socket.write(upgradeRequest(props.path, props.headers ?? {}))
    })
  }

  /** Writes bytes as they are; resolves once written (or at once if the socket is gone). */
  write(bytes: Uint8Array): Promise<void> {
    if (this.socket.destroyed || this.socket.writableEnded) return Promise.resolve()
    return new Promise((resolve) => this.socket.write(bytes, () => resolve()))
  }

  /** Half-closes: no more bytes will come from the client. */
  end(): void {
    this.socket.end()
  }

  destroy(): void {
    this.socket.destroy()
  }

  // Server frames are not masked: read them one after the other to find the close frame.
  #receive(chunk: Buffer): void {
    this.#received = Buffer.concat([this.#received, chunk])
    for (;;) {
      const bytes = this.#received
      if (bytes.length < 2) return
      const opcode = bytes[0]! & 0x0f
      let length = bytes[1]! & 0x7f
      let offset = 2
      if (length === 126) {
        if (bytes.length < 4) return
        length = bytes.readUInt16BE(2)
        offset = 4
      } else if (length === 127) {
        if (bytes.length < 10) return
        length = Number(bytes.readBigUInt64BE(2))
        offset = 10
      }
      if (bytes.length < offset + length) return
      this.#received = bytes.subarray(offset + length)
      if (opcode === Opcode.close) {
        if (length >= 2) this.#closeCode = bytes.readUInt16BE(offset)
        this.#onCloseFrame()
        return
      }
    }
  }
}

/**
 * A connection that starts an upgrade and never finishes its request (slowloris): the request
 * line and some headers, then nothing. Resolves once the bytes are written.
 */
export function openUnfinishedUpgrade(port: number, path: string): Promise<net.Socket> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n`, () =>
        resolve(socket),
      )
    })
    socket.on('error', () => undefined)
  })
}
