import type { ReactNode } from 'react'
import type { Me } from '../../../shared/accountsApi.ts'
import type { Role } from '../../../shared/permissions.ts'
import type { ConnectionStateName, SavedStateName } from '../i18n/messages.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useAccountMessages } from '../account/useAccountMessages.ts'
import { ConnectionIndicator } from './ConnectionIndicator.tsx'
import { SavedIndicator } from './SavedIndicator.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { UserMenu } from './UserMenu.tsx'

interface HeaderProps {
  title: string
  user: Me['user']
  /** The user's role in the negotiation on screen; null outside one. */
  role: Role | null
  /** In the room: whether the text is connected and saved. */
  status?: { connection: ConnectionStateName; saved: SavedStateName }
  /** The user may read the text but not change it. */
  isReadOnly?: boolean
  /** The colours of the negotiation's delegations on screen, by code. */
  delegationColors?: ReadonlyMap<string, string>
  /** The room's own buttons (the activity feed). */
  actions?: ReactNode
}

/** The negotiation, whether the text is connected and saved, and who the user is. */
export function Header({
  title,
  user,
  role,
  status,
  isReadOnly = false,
  delegationColors = new Map(),
  actions,
}: HeaderProps) {
  const t = useAccountMessages()
  const { t: common } = useI18n()
  return (
    <header className="app-header">
      <div className="app-header-title">
        <span className="app-name">{common.appName}</span>
        <p className="negotiation-title" data-testid="negotiation-title">
          {title}
        </p>
      </div>
      <div className="app-header-status">
        {isReadOnly && (
          <span className="read-only-badge" data-testid="read-only-badge" title={t.readOnlyHint}>
            {t.readOnly}
          </span>
        )}
        {status && <ConnectionIndicator connection={status.connection} />}
        {status && <SavedIndicator saved={status.saved} />}
        {actions}
        <UserMenu user={user} role={role} delegationColors={delegationColors} />
        <LanguageSwitch />
      </div>
    </header>
  )
}
