/**
 * The server's clock as the browser can know it. The server decides when a silence deadline
 * passes (DESIGN.md section 5), so the countdown counts against the server's time, not the
 * device's, which may be minutes off.
 *
 * The reading is the HTTP `Date` header of an API answer: whole seconds, so the server's time
 * when it answered lay in [D, D + 1 s), and it answered somewhere between our request and its
 * answer. That bounds the offset (server time minus device time). Several readings narrow the
 * bounds; the device's clock is kept when it lies within them (a right clock is never "corrected"
 * by the header's rounding), otherwise the nearest bound is taken.
 */

/** The offset (ms, server minus device) lies in [min, max]. */
export interface OffsetBounds {
  min: number
  max: number
}

const SECOND_MS = 1_000

/** What one answer tells: sent and received on the device's clock, `Date` header in ms. */
export function offsetBounds(sentAt: number, receivedAt: number, serverDate: number): OffsetBounds {
  return { min: serverDate - receivedAt, max: serverDate + SECOND_MS - sentAt }
}

/** The bounds both readings allow; if they disagree (a clock jumped), the later reading wins. */
export function narrowBounds(earlier: OffsetBounds, later: OffsetBounds): OffsetBounds {
  const min = Math.max(earlier.min, later.min)
  const max = Math.min(earlier.max, later.max)
  return min <= max ? { min, max } : later
}

/** The smallest correction of the device's clock that the bounds allow. */
export function offsetWithin({ min, max }: OffsetBounds): number {
  if (min > 0) return min
  if (max < 0) return max
  return 0
}

/**
 * Measures the offset with a few GETs of `url` (a cheap API answer); 0 if the server gives no
 * usable `Date` header or cannot be reached: the device's clock is then the best there is.
 */
export async function measureServerOffset(url: string, readings = 3): Promise<number> {
  let bounds: OffsetBounds | null = null
  for (let i = 0; i < readings; i++) {
    try {
      const sentAt = Date.now()
      const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      const receivedAt = Date.now()
      await response.body?.cancel()
      const serverDate = Date.parse(response.headers.get('date') ?? '')
      if (Number.isNaN(serverDate)) continue
      const reading = offsetBounds(sentAt, receivedAt, serverDate)
      bounds = bounds ? narrowBounds(bounds, reading) : reading
    } catch {
      // Offline: keep what the other readings said.
    }
  }
  return bounds ? offsetWithin(bounds) : 0
}
