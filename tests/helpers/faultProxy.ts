import http, { type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import WebSocket, { WebSocketServer, type RawData } from 'ws'

/** What the proxy does to the traffic; every decision is drawn from the seeded `random`. */
export interface NetworkFaults {
  /** Each message is held back 0..maxDelayMs ms; the order within a direction is kept. */
  maxDelayMs: number
  /** Chance that a message is delivered twice. */
  duplicateChance: number
  /** Chance, per message, that the connection is cut instead (both sides, no closing handshake). */
  dropChance: number
}

export const NO_FAULTS: NetworkFaults = { maxDelayMs: 0, duplicateChance: 0, dropChance: 0 }

export interface ProxyStats {
  /** Connections accepted (upgrades the server accepted too). */
  connections: number
  /** Messages forwarded, both directions. */
  messages: number
  duplicated: number
  /** Connections cut, by a drop or `dropAll`. */
  dropped: number
}

/** Headers the proxy passes on to the server: the credentials. */
const FORWARDED_HEADERS = ['authorization', 'cookie'] as const

/** Close codes an endpoint may send; the others (1005, 1006, 1015) only describe a close. */
const isSendableCode = (code: number) =>
  code === 1000 ||
  (code >= 1001 && code <= 1014 && ![1004, 1005, 1006].includes(code)) ||
  (code >= 3000 && code <= 4999)

/** What one direction of a connection carries: messages, then perhaps a close. */
type Carried =
  | { kind: 'message'; data: RawData; isBinary: boolean; copies: number }
  | { kind: 'close'; code: number; reason: Buffer }

type Delivery = Carried & { at: number }

/**
 * One direction of a proxied connection: messages wait in order until their delivery time, and
 * one timer drains the queue, so that a delay never reorders them (a WebSocket is a stream).
 */
class Channel {
  #queue: Delivery[] = []
  #timer: NodeJS.Timeout | null = null
  #lastAt = 0

  constructor(private readonly target: WebSocket) {}

  push(carried: Carried, delayMs: number): void {
    this.#lastAt = Math.max(this.#lastAt, Date.now() + delayMs)
    this.#queue.push({ ...carried, at: this.#lastAt })
    this.#schedule()
  }

  discard(): void {
    this.#queue = []
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }

  #schedule(): void {
    const head = this.#queue[0]
    if (this.#timer || !head) return
    this.#timer = setTimeout(() => this.#drain(), Math.max(0, head.at - Date.now()))
  }

  #drain(): void {
    this.#timer = null
    while (this.#queue[0] && this.#queue[0].at <= Date.now()) {
      const delivery = this.#queue.shift()!
      if (this.target.readyState !== WebSocket.OPEN) continue
      if (delivery.kind === 'close') {
        if (isSendableCode(delivery.code)) this.target.close(delivery.code, delivery.reason)
        else this.target.terminate()
        continue
      }
      for (let i = 0; i < delivery.copies; i++) {
        this.target.send(delivery.data, { binary: delivery.isBinary })
      }
    }
    this.#schedule()
  }
}

/**
 * A WebSocket proxy on loopback between clients and a server, for network fault tests: it
 * accepts a client's upgrade, opens a WebSocket to the server with the same path, query and
 * credentials (and answers a refused upgrade with the server's status), then forwards messages
 * both ways while delaying, duplicating and cutting them as `faults` say. Clients reconnect by
 * themselves after a cut, as they would after a network loss.
 */
export class FaultProxy {
  readonly stats: ProxyStats = { connections: 0, messages: 0, duplicated: 0, dropped: 0 }
  faults: NetworkFaults
  readonly #server: http.Server
  readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 0 })
  readonly #links = new Set<{ cut(): void }>()

  private constructor(
    private readonly target: string,
    private readonly random: () => number,
    faults: Partial<NetworkFaults>,
  ) {
    this.faults = { ...NO_FAULTS, ...faults }
    this.#server = http.createServer((_request, response) => {
      response.writeHead(426).end()
    })
    this.#server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.#handleUpgrade(request, socket, head),
    )
  }

  /**
   * Starts on a free loopback port, in front of `target` (`ws://127.0.0.1:<port>`); `random`
   * returns floats in [0, 1), e.g. a seeded generator's `next`.
   */
  static async start(props: {
    target: string
    random: () => number
    faults?: Partial<NetworkFaults>
  }): Promise<FaultProxy> {
    const proxy = new FaultProxy(props.target.replace(/\/$/, ''), props.random, props.faults ?? {})
    await new Promise<void>((resolve, reject) => {
      proxy.#server.once('error', reject)
      proxy.#server.listen(0, '127.0.0.1', resolve)
    })
    return proxy
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port
  }

  /** `ws://127.0.0.1:<port>`: where clients connect instead of the server. */
  get url(): string {
    return `ws://127.0.0.1:${this.port}`
  }

  /** Open proxied connections. */
  get openConnections(): number {
    return this.#links.size
  }

  setFaults(faults: Partial<NetworkFaults>): void {
    this.faults = { ...this.faults, ...faults }
  }

  /** Cuts every open connection at once (a network outage); returns how many. */
  dropAll(): number {
    const links = [...this.#links]
    for (const link of links) link.cut()
    return links.length
  }

  async close(): Promise<void> {
    this.dropAll()
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()))
    this.#server.closeAllConnections()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  #handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const headers: Record<string, string> = {}
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers[name]
      if (typeof value === 'string') headers[name] = value
    }
    const upstream = new WebSocket(`${this.target}${request.url ?? '/'}`, {
      headers,
      perMessageDeflate: false,
      maxPayload: 0,
    })
    // The server may speak first (sync step 1): keep its messages until the client is there.
    const early: { data: RawData; isBinary: boolean }[] = []
    const queueEarly = (data: RawData, isBinary: boolean) => early.push({ data, isBinary })
    upstream.on('message', queueEarly)
    const abandon = () => upstream.terminate()
    socket.once('close', abandon)
    socket.on('error', () => undefined)
    upstream.on('error', () => socket.destroy())
    upstream.once('unexpected-response', (upstreamRequest, response) => {
      socket.end(
        `HTTP/1.1 ${response.statusCode ?? 502} ${response.statusMessage ?? ''}\r\n` +
          'Connection: close\r\nContent-Length: 0\r\n\r\n',
      )
      response.resume()
      upstreamRequest.destroy()
    })
    upstream.once('open', () => {
      socket.off('close', abandon)
      this.#wss.handleUpgrade(request, socket, head, (client) => {
        upstream.off('message', queueEarly)
        this.#link(client, upstream, early)
      })
    })
  }

  #link(
    client: WebSocket,
    upstream: WebSocket,
    early: readonly { data: RawData; isBinary: boolean }[],
  ): void {
    this.stats.connections++
    const toClient = new Channel(client)
    const toServer = new Channel(upstream)
    let isCut = false
    const link = {
      cut: () => {
        if (isCut) return
        isCut = true
        this.stats.dropped++
        toClient.discard()
        toServer.discard()
        client.terminate()
        upstream.terminate()
        this.#links.delete(link)
      },
    }
    this.#links.add(link)
    const forward = (channel: Channel) => (data: RawData, isBinary: boolean) => {
      if (isCut) return
      this.stats.messages++
      const { maxDelayMs, duplicateChance, dropChance } = this.faults
      if (dropChance > 0 && this.random() < dropChance) {
        link.cut()
        return
      }
      const copies = duplicateChance > 0 && this.random() < duplicateChance ? 2 : 1
      if (copies === 2) this.stats.duplicated++
      channel.push({ kind: 'message', data, isBinary, copies }, this.random() * maxDelayMs)
    }
    // A close travels like a message, behind what was sent before it.
    const passClose = (channel: Channel) => (code: number, reason: Buffer) => {
      if (isCut) return
      channel.push({ kind: 'close', code, reason }, 0)
      this.#links.delete(link)
    }
    const forwardToServer = forward(toServer)
    const forwardToClient = forward(toClient)
    client.on('message', forwardToServer)
    upstream.on('message', forwardToClient)
    client.on('close', passClose(toServer))
    upstream.on('close', passClose(toClient))
    client.on('error', () => link.cut())
    for (const { data, isBinary } of early) forwardToClient(data, isBinary)
  }
}
