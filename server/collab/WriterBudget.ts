import {
  MAX_CONNECTIONS_PER_MINUTE,
  MAX_MESSAGES_PER_MINUTE,
  MAX_REFUSED_CHANGES_PER_MINUTE,
  MAX_SYNC_REQUESTS_PER_MINUTE,
  MAX_WRITTEN_BYTES_PER_MINUTE,
  MAX_WRITTEN_ITEMS_PER_MINUTE,
} from '../../shared/limits.ts'

/** What a user's messages may cost the server, each per minute. */
export interface WriterLimits {
  /** Bytes of every message received (charged before anything is parsed). */
  bytes: number
  /** Messages received, whatever they are (a flood of small presence updates costs too). */
  messages: number
  /** Structs and deleted ranges of the updates received (charged once decoded). */
  items: number
  /** Updates refused, set aside or invalid: each may have cost a rebuild of the document. */
  refusals: number
  /** Collaboration connections opened. */
  connections: number
  /** Sync requests and presence queries, each answered with the room's whole state. */
  requests: number
}

export type BudgetResource = keyof WriterLimits

export const DEFAULT_WRITER_LIMITS: WriterLimits = {
  bytes: MAX_WRITTEN_BYTES_PER_MINUTE,
  messages: MAX_MESSAGES_PER_MINUTE,
  items: MAX_WRITTEN_ITEMS_PER_MINUTE,
  refusals: MAX_REFUSED_CHANGES_PER_MINUTE,
  connections: MAX_CONNECTIONS_PER_MINUTE,
  requests: MAX_SYNC_REQUESTS_PER_MINUTE,
}

interface Bucket {
  tokens: number
  at: number
}

/**
 * What each user may cost the server, per minute and across connections and rooms: a token
 * bucket per user and resource, full at the limit and refilled at the limit per minute.
 * Everything a client sends is charged before the work it causes (bytes before parsing, items
 * before applying), so that a script pays for what it makes the server do: once a budget is
 * spent its connection is closed, and reconnecting is refused until the budget has refilled.
 * A person's editor stays far below every limit.
 */
export class WriterBudget {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly limits: WriterLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Charges `amount` to the user's `resource`; false when it is more than is left. What was
   * asked is charged anyway, as a debt of at most one minute's budget: a user who sent too much
   * waits for the budget to refill before reconnecting.
   */
  charge(userId: number, resource: BudgetResource, amount = 1): boolean {
    const bucket = this.bucket(userId, resource)
    const isWithin = bucket.tokens >= amount
    bucket.tokens = Math.max(bucket.tokens - amount, -this.limits[resource])
    return isWithin
  }

  /**
   * Brings the user's budgets up to date before a connection is allowed: nothing to do on one
   * process; several processes read what the others charged (SharedWriterBudget).
   */
  refresh(_userId: number): Promise<void> {
    return Promise.resolve()
  }

  /** Whether the user has spent a budget that closes connections (all but connections). */
  isSpent(userId: number): boolean {
    return (['refusals', 'bytes', 'messages', 'items', 'requests'] as const).some(
      (resource) => this.bucket(userId, resource).tokens < 1,
    )
  }

  private bucket(userId: number, resource: BudgetResource): Bucket {
    const key = `${userId}:${resource}`
    const limit = this.limits[resource]
    const now = this.now()
    let bucket = this.buckets.get(key)
    if (!bucket) {
      bucket = { tokens: limit, at: now }
      this.buckets.set(key, bucket)
    }
    bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.at) / 60_000) * limit)
    bucket.at = now
    return bucket
  }
}
