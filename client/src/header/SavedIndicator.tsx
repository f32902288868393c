import type { SavedStateName } from '../i18n/messages.ts'
import { useI18n } from '../i18n/I18nContext.ts'

/** Whether every local change is committed on the server. */
export function SavedIndicator({ saved }: { saved: SavedStateName }) {
  const { t } = useI18n()
  return (
    <span
      className={`indicator indicator-${saved}`}
      data-testid="saved-state"
      data-state={saved}
      title={t.savedTitle[saved]}
      role="status"
    >
      <span className="indicator-dot" aria-hidden="true" />
      <span className="indicator-text">{t.saved[saved]}</span>
    </span>
  )
}
