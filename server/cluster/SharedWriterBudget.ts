import type { Redis } from 'ioredis'
import type { Logger } from '../logger.ts'
import { WriterBudget, type BudgetResource, type WriterLimits } from '../collab/WriterBudget.ts'

/** How often what this process charged is added to the shared counts, and theirs read back. */
const SYNC_MS = 500
const MINUTE_MS = 60_000
const RESOURCES: readonly BudgetResource[] = [
  'bytes',
  'messages',
  'items',
  'refusals',
  'connections',
  'requests',
]

interface Seen {
  window: number
  /** What this process added to the window's count. */
  mine: number
  /** What the other processes had added, as last read. */
  others: number
}

/**
 * The writers' budgets shared by every process. Charging stays local and synchronous (it is
 * on every message's path); every SYNC_MS this process adds what it charged to a per-minute
 * count in Redis per user and resource, and charges its own buckets with what the other
 * processes charged meanwhile; a spent budget is sent at once. A user closed for refusals on
 * one process is refused on the others: the upgrade reads the user's counts first (`refresh`). A script spreading its
 * messages over every process gets at most half a second more than on one.
 */
export class SharedWriterBudget extends WriterBudget {
  private pending = new Map<string, number>()
  private readonly seen = new Map<string, Seen>()
  private readonly timer: NodeJS.Timeout

  constructor(
    limits: WriterLimits,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    super(limits)
    this.timer = setInterval(() => void this.sync(), SYNC_MS)
    this.timer.unref()
  }

  override charge(userId: number, resource: BudgetResource, amount = 1): boolean {
    const key = `${userId}:${resource}`
    this.pending.set(key, (this.pending.get(key) ?? 0) + amount)
    const isWithin = super.charge(userId, resource, amount)
    // A spent budget closes the connection: the other processes hear of it at once.
    if (!isWithin) void this.sync()
    return isWithin
  }

  /** Reads what every process charged the user this minute (before an upgrade is allowed). */
  override async refresh(userId: number): Promise<void> {
    await this.sync()
    const window = Math.floor(Date.now() / MINUTE_MS)
    const keys = RESOURCES.map((resource) => `${userId}:${resource}`)
    try {
      const totals = await this.redis.mget(keys.map((key) => this.redisKey(window, key)))
      keys.forEach((key, i) => this.learn(key, window, Number(totals[i] ?? 0), 0))
    } catch (error) {
      this.logger.warn({ err: error }, 'shared budgets unavailable')
    }
  }

  close(): void {
    clearInterval(this.timer)
  }

  private async sync(): Promise<void> {
    if (this.pending.size === 0) return
    const charged = [...this.pending]
    this.pending = new Map()
    const window = Math.floor(Date.now() / MINUTE_MS)
    const batch = this.redis.multi()
    for (const [key, amount] of charged) {
      batch.incrby(this.redisKey(window, key), Math.ceil(amount))
      batch.pexpire(this.redisKey(window, key), 2 * MINUTE_MS)
    }
    try {
      const results = (await batch.exec()) ?? []
      charged.forEach(([key, amount], i) =>
        this.learn(key, window, Number(results[2 * i]?.[1] ?? 0), Math.ceil(amount)),
      )
    } catch (error) {
      this.logger.warn({ err: error }, 'shared budgets unavailable')
    }
  }

  /** `total` is the window's shared count after this process added `added` to it. */
  private learn(key: string, window: number, total: number, added: number): void {
    let seen = this.seen.get(key)
    if (!seen || seen.window !== window) {
      seen = { window, mine: 0, others: 0 }
      this.seen.set(key, seen)
    }
    seen.mine += added
    const others = Math.max(0, total - seen.mine)
    const news = others - seen.others
    seen.others = others
    if (news <= 0) return
    const [userId, resource] = key.split(':') as [string, BudgetResource]
    // Charged without counting it as this process's (super, not this).
    super.charge(Number(userId), resource, news)
  }

  private redisKey(window: number, key: string): string {
    return `${this.prefix}:budget:${window}:${key}`
  }
}
