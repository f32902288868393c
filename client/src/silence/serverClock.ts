import { readServerDate } from '../api/serverDate.ts'

/**
 * The server's clock as the browser can know it. The server decides when a silence deadline
 * passes (DESIGN.md section 5), so the countdown counts against the server's time, not the
 * device's, which may be minutes off.
 *
 * The reading is the HTTP `Date` header of an API answer: whole seconds, so the server's time
 * when it answered lay in [D, D + 1 s), and it answered somewhere between our request and its
 * answer. That bounds the offset (server time minus device time). Several readings (one on
 * load, then one every few minutes) narrow the bounds; the device's clock is kept when it lies within them (a right clock is never "corrected"
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
 * One reading of the server's clock through `url` (api/serverDate.ts), or null. One GET per
 * reading: the room asks the same list once per load (issue 15); later readings narrow the bounds.
 */
export async function readServerClock(url: string): Promise<OffsetBounds | null> {
  const reading = await readServerDate(url)
  return reading && offsetBounds(reading.sentAt, reading.receivedAt, reading.serverDate)
}
