import type { ConnectionStateName } from '../i18n/messages.ts'
import { useI18n } from '../i18n/I18nContext.ts'

/** Connected, connecting or offline, always visible in the header. */
export function ConnectionIndicator({ connection }: { connection: ConnectionStateName }) {
  const { t } = useI18n()
  return (
    <span
      className={`indicator indicator-${connection}`}
      data-testid="connection-state"
      data-state={connection}
      title={t.connectionLabel}
    >
      <span className="indicator-dot" aria-hidden="true" />
      <span className="indicator-text">{t.connection[connection]}</span>
    </span>
  )
}
