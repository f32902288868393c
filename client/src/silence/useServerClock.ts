import { useCallback, useEffect, useState } from 'react'
import { narrowBounds, type OffsetBounds, offsetWithin, readServerClock } from './serverClock.ts'
import { silenceListUrl } from '../api/silence.ts'

/** The server's clock is read again after this long (the device's clock may be set meanwhile). */
const REMEASURE_MS = 10 * 60_000

/**
 * `now()` on the server's clock, as well as the browser can tell (serverClock.ts): the device's
 * clock until the first reading comes, then corrected by the measured offset.
 */
export function useServerClock(negotiationId: string): () => Date {
  const [offset, setOffset] = useState(0)

  useEffect(() => {
    let isCurrent = true
    // Each reading narrows what the earlier ones allowed (a jumped clock starts afresh).
    let bounds: OffsetBounds | null = null
    const measure = () => {
      void readServerClock(silenceListUrl(negotiationId)).then((reading) => {
        if (!isCurrent || !reading) return
        bounds = bounds ? narrowBounds(bounds, reading) : reading
        setOffset(offsetWithin(bounds))
      })
    }
    measure()
    const timer = setInterval(measure, REMEASURE_MS)
    return () => {
      isCurrent = false
      clearInterval(timer)
    }
  }, [negotiationId])

  return useCallback(() => new Date(Date.now() + offset), [offset])
}

/**
 * The time left until `deadline` on the given clock, re-rendered as each second of the countdown
 * passes (timed to the second's boundary, so that the display never lags by most of a second).
 */
export function useRemainingMs(deadline: string, now: () => Date): number {
  const remaining = () => Date.parse(deadline) - now().getTime()
  const [remainingMs, setRemainingMs] = useState(remaining)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      const left = Date.parse(deadline) - now().getTime()
      setRemainingMs(left)
      if (left <= 0) return
      // The next whole second of the countdown (which rounds up), and a hair past it.
      timer = setTimeout(tick, (left % 1000 || 1000) + 5)
    }
    tick()
    return () => clearTimeout(timer)
  }, [deadline, now])

  return remainingMs
}
