import type { Identity } from '../identity/identity.ts'
import type { ConnectionStateName, SavedStateName } from '../i18n/messages.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'
import { SavedIndicator } from './SavedIndicator.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { IdentityBadge } from './IdentityBadge.tsx'

interface HeaderProps {
  title: string
  identity: Identity
  connection: ConnectionStateName
  saved: SavedStateName
  onChangeIdentity: () => void
}

/** The negotiation, who the user is, and whether the text is connected and saved. */
export function Header({ title, identity, connection, saved, onChangeIdentity }: HeaderProps) {
  const { t } = useI18n()
  return (
    <header className="app-header">
      <div className="app-header-title">
        <span className="app-name">{t.appName}</span>
        <p className="negotiation-title" data-testid="negotiation-title">
          {title}
        </p>
      </div>
      <div className="app-header-status">
        <ConnectionIndicator connection={connection} />
        <SavedIndicator saved={saved} />
        <IdentityBadge identity={identity} onChange={onChangeIdentity} />
        <LanguageSwitch />
      </div>
    </header>
  )
}
