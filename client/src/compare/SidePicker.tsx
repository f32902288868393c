import type { RevisionSummary } from '../../../shared/revisions.ts'
import { formatDateTime } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'
import { LIVE } from '../api/revisions.ts'

interface SidePickerProps {
  label: string
  value: string
  revisions: readonly RevisionSummary[]
  onChange: (value: string) => void
  testId: string
  /** The other side's text: not offered here, a text compared with itself shows nothing. */
  otherValue: string
}

/** Chooses one text of the comparison: a published revision or the live draft. */
export function SidePicker({
  label,
  value,
  revisions,
  onChange,
  testId,
  otherValue,
}: SidePickerProps) {
  const t = useRevisionMessages()
  const { language } = useI18n()
  return (
    <label className="compare-picker">
      <span className="compare-picker-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {revisions.map((revision) => (
          <option key={revision.id} value={revision.id} disabled={revision.id === otherValue}>
            {revision.symbol} — {formatDateTime(revision.publishedAt, language)}
          </option>
        ))}
        <option value={LIVE} disabled={otherValue === LIVE}>
          {t.liveDraft}
        </option>
      </select>
    </label>
  )
}
