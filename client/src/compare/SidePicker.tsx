import type { RevisionSummary } from '../../../shared/revisions.ts'
import { formatDateTime } from '../account/formatDate.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { LIVE } from '../revisions/revisionsApi.ts'

interface SidePickerProps {
  label: string
  value: string
  revisions: readonly RevisionSummary[]
  onChange: (value: string) => void
  testId: string
}

/** Chooses one text of the comparison: a published revision or the live draft. */
export function SidePicker({ label, value, revisions, onChange, testId }: SidePickerProps) {
  const { t, language } = useI18n()
  return (
    <label className="compare-picker">
      <span className="compare-picker-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {revisions.map((revision) => (
          <option key={revision.id} value={revision.id}>
            {revision.symbol} — {formatDateTime(revision.publishedAt, language)}
          </option>
        ))}
        <option value={LIVE}>{t.liveDraft}</option>
      </select>
    </label>
  )
}
