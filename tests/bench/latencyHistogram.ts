/**
 * Latencies in 0.1 ms buckets up to 10 s (the last bucket takes the rest): mergeable across
 * processes, percentiles to 0.1 ms.
 */
const BUCKET_MS = 0.1
const BUCKETS = 100_000

export class LatencyHistogram {
  readonly counts: Uint32Array
  total = 0

  constructor(counts?: readonly number[]) {
    this.counts = new Uint32Array(BUCKETS)
    if (counts) {
      this.counts.set(counts)
      this.total = counts.reduce((sum, n) => sum + n, 0)
    }
  }

  add(ms: number): void {
    const bucket = Math.min(BUCKETS - 1, Math.max(0, Math.floor(ms / BUCKET_MS)))
    this.counts[bucket]!++
    this.total++
  }

  merge(other: LatencyHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!
    this.total += other.total
  }

  /** The upper edge of the bucket holding quantile `q`. */
  quantile(q: number): number {
    const rank = Math.max(1, Math.ceil(q * this.total))
    let seen = 0
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!
      if (seen >= rank) return (i + 1) * BUCKET_MS
    }
    return BUCKETS * BUCKET_MS
  }

  /** Sparse: [bucket, count] pairs would be smaller, but this is simple and small enough. */
  toJSON(): number[] {
    return Array.from(this.counts)
  }
}

/** p50/p99/max of plain values (ms). */
export function percentiles(values: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN }
}

export const median = (values: readonly number[]): number => percentiles(values).p50
