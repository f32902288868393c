import type { Redis } from 'ioredis'
import type { AttemptLimiter } from '../auth/RateLimiter.ts'
import { RateLimiter } from '../auth/RateLimiter.ts'
import type { Logger } from '../logger.ts'

/**
 * The sign-in limit shared by every process: one counter per key and window in Redis
 * (INCR, expiring after the window), so that trying passwords on every process in turn counts
 * as trying them on one. Should Redis not answer, this process's own count decides.
 */
export class SharedRateLimiter implements AttemptLimiter {
  private readonly local: RateLimiter

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly logger: Logger,
  ) {
    this.local = new RateLimiter(limit, windowMs)
  }

  async attempt(key: string, now: number): Promise<boolean> {
    const isLocallyAllowed = this.local.attempt(key, now)
    const redisKey = `${this.prefix}:limit:${Math.floor(now / this.windowMs)}:${key}`
    try {
      const results = await this.redis
        .multi()
        .incr(redisKey)
        .pexpire(redisKey, 2 * this.windowMs)
        .exec()
      const count = Number(results?.[0]?.[1])
      return Number.isFinite(count) ? count <= this.limit : isLocallyAllowed
    } catch (error) {
      this.logger.warn({ err: error }, 'shared rate limit unavailable; counting locally')
      return isLocallyAllowed
    }
  }
}
