import type { DeadlineInput } from '../../../shared/silence/silenceSchema.ts'
import { timeZoneLabel } from '../../../shared/silence/timeZoneLabel.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { silenceErrorText, useFormatInstant, USER_TIME_ZONE } from './silenceText.ts'
import { deadlineZones, type ResolvedDeadline } from './silenceView.ts'

interface DeadlineFieldsProps {
  value: DeadlineInput
  onChange: (value: DeadlineInput) => void
  resolved: ResolvedDeadline
  zones: readonly string[]
  /** Checked before the server's answer (e.g. an extension must be later); null if fine. */
  problem?: string | null
}

/**
 * A deadline as a co-facilitator writes it: date, time and IANA time zone, read back at once in
 * words in New York time, in the chosen zone and in the user's own, so that a slip (a.m./p.m.,
 * the wrong zone, a time daylight saving skips) shows before anything is sent.
 */
export function DeadlineFields({
  value,
  onChange,
  resolved,
  zones,
  problem = null,
}: DeadlineFieldsProps) {
  const { t, language } = useI18n()
  const format = useFormatInstant()
  const isFilled = value.date !== '' && value.time !== ''
  return (
    <>
      <div className="silence-deadline-fields">
        <label className="field">
          <span>{t.silenceDate}</span>
          <input
            type="date"
            data-testid="silence-date"
            required
            value={value.date}
            onChange={(event) => onChange({ ...value, date: event.target.value })}
          />
        </label>
        <label className="field">
          <span>{t.silenceTime}</span>
          <input
            type="time"
            data-testid="silence-time"
            required
            value={value.time}
            onChange={(event) => onChange({ ...value, time: event.target.value })}
          />
        </label>
        <label className="field silence-zone-field">
          <span>{t.silenceTimeZone}</span>
          <select
            data-testid="silence-timezone"
            value={value.timeZone}
            onChange={(event) => onChange({ ...value, timeZone: event.target.value })}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {t.silenceZoneOption(timeZoneLabel(zone, language), zone)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {isFilled && (
        <div
          className="silence-deadline-preview"
          data-testid="silence-deadline-preview"
          aria-live="polite"
        >
          {resolved.instant ? (
            <>
              <span className="silence-preview-label">{t.silenceDeadlineIs}</span>
              <ul>
                {deadlineZones(value.timeZone, USER_TIME_ZONE).map((zone) => (
                  <li key={zone}>
                    {format(resolved.instant, zone)}
                    {zone === USER_TIME_ZONE && zone !== value.timeZone && (
                      <span className="silence-your-time"> — {t.silenceYourTime}</span>
                    )}
                  </li>
                ))}
              </ul>
              {problem && <p className="form-error">{problem}</p>}
            </>
          ) : (
            <p className="form-error">{silenceErrorText(resolved.error, t)}</p>
          )}
        </div>
      )}
    </>
  )
}
