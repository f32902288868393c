/** Counts attempts per key in fixed windows (sign-in: per address and user name). */
export interface AttemptLimiter {
  /** Counts an attempt; false when the key is over its limit in the current window. */
  attempt(key: string, now: number): boolean | Promise<boolean>
}

/**
 * A fixed-window counter per key (e.g. address and user name). In memory: enough for one
 * process; several processes share theirs through Redis (server/cluster/SharedRateLimiter.ts).
 */
export class RateLimiter implements AttemptLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts an attempt; returns false when the key is over its limit in the current window. */
  attempt(key: string, now: number): boolean {
    const window = this.windows.get(key)
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 })
      this.prune(now)
      return true
    }
    window.count += 1
    return window.count <= this.limit
  }

  private prune(now: number): void {
    if (this.windows.size < 10_000) return
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key)
    }
  }
}
