import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { Logger } from '../logger.ts'

/** How often a process says it is alive, and how long it counts as a peer after. */
const HEARTBEAT_MS = 1_000
const PEER_TTL_MS = 5_000

type Handler = (message: Record<string, unknown>) => void

/**
 * The processes' way to talk through Redis: a channel per process (requests and replies), a
 * channel per room (what the owner committed, presence), one for silence procedures, and a
 * heartbeat. Every channel and key starts with the deployment's prefix (REDIS_PREFIX), so that
 * two deployments or two test runs on one Redis never hear each other. Nothing here is needed
 * for correctness: a message lost is noticed and made up from PostgreSQL.
 */
export class ClusterBus {
  /** This process's id for its whole life (a restarted process is a new peer). */
  readonly processId = randomUUID()
  private readonly commands: Redis
  private readonly subscriber: Redis
  private readonly handlers = new Map<string, Handler>()
  private readonly heartbeat: NodeJS.Timeout
  private isClosed = false

  constructor(
    url: string,
    readonly prefix: string,
    private readonly logger: Logger,
  ) {
    const options = { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true }
    this.commands = new Redis(url, options)
    this.subscriber = new Redis(url, options)
    for (const client of [this.commands, this.subscriber]) {
      client.on('error', (error: Error) => this.logger.warn({ err: error }, 'redis error'))
    }
    this.subscriber.on('message', (channel: string, text: string) => {
      const handler = this.handlers.get(channel)
      if (!handler) return
      let message: unknown
      try {
        message = JSON.parse(text)
      } catch {
        return
      }
      if (typeof message === 'object' && message !== null) {
        handler(message as Record<string, unknown>)
      }
    })
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS)
    this.heartbeat.unref()
    void this.beat()
  }

  /** Whether the Redis connections are up (readiness). */
  get isConnected(): boolean {
    return this.commands.status === 'ready' && this.subscriber.status === 'ready'
  }

  channel(...parts: string[]): string {
    return [this.prefix, ...parts].join(':')
  }

  async subscribe(channel: string, handler: Handler): Promise<void> {
    this.handlers.set(channel, handler)
    await this.subscriber.subscribe(channel)
  }

  async unsubscribe(channel: string): Promise<void> {
    this.handlers.delete(channel)
    if (!this.isClosed) await this.subscriber.unsubscribe(channel)
  }

  /** Publishes; a failure is logged, never thrown (the receivers catch up from storage). */
  publish(channel: string, message: Record<string, unknown>): void {
    if (this.isClosed) return
    this.commands
      .publish(channel, JSON.stringify(message))
      .catch((error: unknown) => this.logger.warn({ err: error, channel }, 'publish failed'))
  }

  /** The processes that said they were alive in the last PEER_TTL_MS (this one included). */
  async peers(): Promise<string[]> {
    const key = this.channel('processes')
    return this.commands.zrangebyscore(key, Date.now() - PEER_TTL_MS, '+inf')
  }

  /** The Redis client for commands (shared counters). */
  get redis(): Redis {
    return this.commands
  }

  async close(): Promise<void> {
    this.isClosed = true
    clearInterval(this.heartbeat)
    await this.commands.zrem(this.channel('processes'), this.processId).catch(() => undefined)
    this.commands.disconnect()
    this.subscriber.disconnect()
  }

  private async beat(): Promise<void> {
    const key = this.channel('processes')
    const now = Date.now()
    try {
      await this.commands
        .multi()
        .zadd(key, now, this.processId)
        .zremrangebyscore(key, '-inf', now - 10 * PEER_TTL_MS)
        // A deployment (or test run) whose processes all died leaves nothing behind for long.
        .pexpire(key, 10 * PEER_TTL_MS)
        .exec()
    } catch (error) {
      this.logger.debug({ err: error }, 'heartbeat failed')
    }
  }
}

/** REDIS_PREFIX's default: the database's name, so that two deployments differ by default. */
export function defaultRedisPrefix(databaseUrl: string): string {
  return `draftroom:${new URL(databaseUrl).pathname.slice(1)}`
}
