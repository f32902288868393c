import type { ClosedBy } from '../collab/connectionStatus.ts'
import { closeReasonName } from '../collab/closeReasons.ts'
import { useI18n } from '../i18n/I18nContext.ts'

interface ConnectionBannerProps {
  closedBy: ClosedBy
  onRetry: () => void
}

/** Explains, in the user's words, why the server closed the connection. */
export function ConnectionBanner({ closedBy, onRetry }: ConnectionBannerProps) {
  const { t } = useI18n()
  const name = closeReasonName(closedBy.code)
  return (
    <div
      className={`banner ${closedBy.isTerminal ? 'banner-error' : 'banner-warning'}`}
      role="alert"
      data-testid="connection-banner"
      data-code={closedBy.code}
    >
      <span>{name ? t.closeReasons[name] : t.closedUnknown(closedBy.code)}</span>
      {closedBy.isTerminal && (
        <span className="banner-actions">
          <button type="button" className="button" onClick={onRetry}>
            {t.retry}
          </button>
          <button type="button" className="button" onClick={() => location.reload()}>
            {t.reload}
          </button>
        </span>
      )}
    </div>
  )
}
