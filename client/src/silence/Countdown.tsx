import { useSilenceMessages } from './useSilenceMessages.ts'
import { countdownParts } from './silenceView.ts'
import { useRemainingMs } from './useServerClock.ts'

/** The time left until the deadline, on the server's clock, ticking each second. */
export function Countdown({ deadline, now }: { deadline: string; now: () => Date }) {
  const t = useSilenceMessages()
  const remainingMs = useRemainingMs(deadline, now)
  const { days, hours, minutes, seconds } = countdownParts(remainingMs)
  const pad = (n: number) => String(n).padStart(2, '0')
  const text = t.silenceCountdown(days, pad(hours), pad(minutes), pad(seconds))
  const isOver = remainingMs <= 0
  return (
    <div className="silence-countdown-box">
      <div className="silence-label">{t.silenceRemaining}</div>
      {/* role="timer": assistive technology does not read every tick aloud. */}
      <div
        className="silence-countdown"
        role="timer"
        aria-label={t.silenceCountdownLabel(text)}
        data-testid="silence-countdown"
        data-remaining-seconds={Math.max(0, Math.ceil(remainingMs / 1000))}
      >
        {text}
      </div>
      {isOver && <p className="silence-muted">{t.silenceDeadlineReached}</p>}
    </div>
  )
}
