import { useMemo, useState } from 'react'
import type { DeadlineInput } from '../../../shared/silence/silenceSchema.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { silenceErrorText, useFormatInstant, USER_TIME_ZONE } from './silenceText.ts'
import {
  deadlineZones,
  matchesZoneSearch,
  zoneOptionLabel,
  type ResolvedDeadline,
} from './silenceView.ts'

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
  const t = useSilenceMessages()
  const { language } = useI18n()
  const format = useFormatInstant()
  const isFilled = value.date !== '' && value.time !== ''
  const [search, setSearch] = useState('')
  // Labelled once per language: several hundred zones.
  const labelled = useMemo(() => {
    const at = new Date()
    return zones.map((zone) => ({ zone, label: zoneOptionLabel(zone, language, at) }))
  }, [zones, language])
  // The chosen zone stays listed whatever the search, so the list never shows another one.
  const shown = labelled.filter(
    ({ zone, label }) => zone === value.timeZone || matchesZoneSearch(label, search),
  )
  return (
    <>
      <div className="silence-deadline-fields">
        <label className="field">
          <span>
            {t.silenceDate} <span className="required-mark">{t.silenceRequired}</span>
          </span>
          <input
            type="date"
            lang={language}
            data-testid="silence-date"
            required
            value={value.date}
            onChange={(event) => onChange({ ...value, date: event.target.value })}
          />
        </label>
        <label className="field">
          <span>
            {t.silenceTime} <span className="required-mark">{t.silenceRequired}</span>
          </span>
          <input
            type="time"
            lang={language}
            data-testid="silence-time"
            required
            value={value.time}
            onChange={(event) => onChange({ ...value, time: event.target.value })}
          />
        </label>
        <label className="field silence-zone-search">
          <span>{t.silenceZoneSearch}</span>
          <input
            type="search"
            data-testid="silence-timezone-search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        <label className="field silence-zone-field">
          <span>
            {t.silenceTimeZone} <span className="required-mark">{t.silenceRequired}</span>
          </span>
          <select
            data-testid="silence-timezone"
            required
            value={value.timeZone}
            onChange={(event) => onChange({ ...value, timeZone: event.target.value })}
          >
            {shown.map(({ zone, label }) => (
              <option key={zone} value={zone}>
                {label}
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
