import type { Toast } from '../collab/useNotices.ts'
import { useI18n } from '../i18n/I18nContext.ts'

interface ToastsProps {
  toasts: readonly Toast[]
  onDismiss: (id: number) => void
}

/** The server's notices (e.g. a refused change), briefly, in a corner. */
export function Toasts({ toasts, onDismiss }: ToastsProps) {
  const { t } = useI18n()
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-testid="notice" data-code={toast.code}>
          <span className="toast-message">
            <span className="visually-hidden">{t.notice}: </span>
            {t.notices[toast.code] ?? toast.message}
          </span>
          <button
            type="button"
            className="toast-dismiss"
            aria-label={t.dismiss}
            onClick={() => onDismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
