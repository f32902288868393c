/**
 * When each update of one typing client left it and when it reached each receiving client.
 * Updates are numbered in the order the typist sends them; the server relays one client's
 * updates in order over each connection, so a receiver's k-th update from the typist is
 * update k (see `countUpdatesFrom`).
 */
export class DeliveryTracker {
  private readonly sentAt: Float64Array
  /** When the last receiver got each update. */
  private readonly deliveredAt: Float64Array
  private readonly arrivals: Uint16Array
  private readonly received: Uint32Array
  /** Every (update, receiver) latency, in order of arrival. */
  private readonly latencies: Float64Array
  private latencyCount = 0
  private waiters: { count: number; resolve: () => void }[] = []
  /** How many updates (a prefix) every receiver has. */
  deliveredToAll = 0

  constructor(
    readonly updateCount: number,
    readonly receiverCount: number,
  ) {
    this.sentAt = new Float64Array(updateCount)
    this.deliveredAt = new Float64Array(updateCount)
    this.arrivals = new Uint16Array(updateCount)
    this.received = new Uint32Array(receiverCount)
    this.latencies = new Float64Array(updateCount * receiverCount)
  }

  markSent(update: number, at: number): void {
    this.sentAt[update] = at
  }

  /** Receiver `receiver` has applied its next update from the typist. */
  markArrived(receiver: number, at: number): void {
    const update = this.received[receiver]!++
    if (update >= this.updateCount) throw new Error(`receiver ${receiver}: unexpected update`)
    this.latencies[this.latencyCount++] = at - this.sentAt[update]!
    const arrivals = ++this.arrivals[update]!
    if (arrivals < this.receiverCount) return
    this.deliveredAt[update] = at
    while (
      this.deliveredToAll < this.updateCount &&
      this.arrivals[this.deliveredToAll] === this.receiverCount
    ) {
      this.deliveredToAll++
    }
    this.waiters = this.waiters.filter((waiter) => {
      if (this.deliveredToAll < waiter.count) return true
      waiter.resolve()
      return false
    })
  }

  /** Resolves once every receiver has the first `count` updates; fails after `timeoutMs`. */
  whenDelivered(count: number, timeoutMs: number): Promise<void> {
    if (this.deliveredToAll >= count) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        const behind = [...this.received].filter((n) => n < count).length
        reject(
          new Error(
            `${behind} of ${this.receiverCount} clients lack some of the first ${count} updates ` +
              `after ${timeoutMs} ms (every client has ${this.deliveredToAll})`,
          ),
        )
      }, timeoutMs)
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timeout)
          resolve()
        },
      })
    })
  }

  /** The number of latencies recorded so far (a bookmark between phases). */
  get recordedLatencies(): number {
    return this.latencyCount
  }

  /** Latency percentiles (ms) of the deliveries recorded between two bookmarks. */
  deliveryLatency(fromBookmark: number, toBookmark: number): LatencySummary {
    return summarize(this.latencies.slice(fromBookmark, toBookmark))
  }

  /** Latency percentiles (ms) of updates `[from, to)` reaching every receiver. */
  everyoneLatency(from: number, to: number): LatencySummary {
    const latencies = new Float64Array(to - from)
    for (let k = from; k < to; k++) latencies[k - from] = this.deliveredAt[k]! - this.sentAt[k]!
    return summarize(latencies)
  }

  /** Updates per second from the first send of `[from, to)` to the last receiver's last arrival. */
  throughput(from: number, to: number): { updatesPerSecond: number; seconds: number } {
    const seconds = (this.deliveredAt[to - 1]! - this.sentAt[from]!) / 1_000
    return { updatesPerSecond: (to - from) / seconds, seconds }
  }
}

export interface LatencySummary {
  p50: number
  p99: number
  max: number
}

function summarize(latencies: Float64Array): LatencySummary {
  const sorted = latencies.sort()
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 }
}
