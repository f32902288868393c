/**
 * How many of a user's changes the server refuses in a window before it closes the
 * connection. Each refusal costs a copy of the whole draft (the validator rebuilds its shadow
 * from the live document), so a script sending forbidden changes in a loop would keep the
 * server busy for the whole room; a person's client is refused rarely, and drops its change
 * and resyncs at once. Counted per user, across their connections: reconnecting does not
 * start afresh.
 */
export class RefusalBudget {
  private readonly recent = new Map<number, number[]>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a refusal of `userId`'s change; false once the user is over the limit. */
  spend(userId: number): boolean {
    const now = this.now()
    const times = (this.recent.get(userId) ?? []).filter((at) => now - at < this.windowMs)
    times.push(now)
    // Only the last `limit + 1` matter, whatever a script keeps sending.
    this.recent.set(userId, times.slice(-(this.limit + 1)))
    return times.length <= this.limit
  }
}
