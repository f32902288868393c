import { useRef, useState, type FormEvent } from 'react'
import { ResetPasswordRequest, type UserSummary } from '../../../shared/accountsApi.ts'
import { ROLES, type Role } from '../../../shared/permissions.ts'
import { MIN_PASSWORD_LENGTH } from '../../../shared/limits.ts'
import { resetPassword, setRole, setUserActive } from '../api/admin.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useAccountMessages } from '../account/useAccountMessages.ts'

interface UserRowProps {
  user: UserSummary
  negotiationId: string
  /** The signed-in secretariat member: they cannot deactivate themselves. */
  isSelf: boolean
  /** Runs an action with the users section's feedback; returns whether it succeeded. */
  run: (action: () => Promise<string>) => Promise<boolean>
  onChanged: () => void
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

/** One user: who, their role in the chosen negotiation, password reset and (de)activation. */
export function UserRow({ user, negotiationId, isSelf, run, onChanged }: UserRowProps) {
  const t = useAccountMessages()
  const { t: common } = useI18n()
  const [password, setPassword] = useState<string | null>(null)
  // The role chosen in the list, until the secretariat confirms it (or cancels).
  const [pendingRole, setPendingRole] = useState<string | null>(null)
  const role = user.roles.find((r) => r.negotiationId === negotiationId)?.role ?? ''
  const newPassword = ResetPasswordRequest.safeParse({ password: password ?? '' })
  // The confirmation and the password form replace the controls that opened them: once they
  // go, the keyboard's focus goes back to those controls instead of falling to <body>.
  const roleRef = useRef<HTMLSelectElement>(null)
  const resetRef = useRef<HTMLButtonElement>(null)
  const closeConfirmation = () => {
    setPendingRole(null)
    requestAnimationFrame(() => roleRef.current?.focus())
  }
  const closePasswordForm = () => {
    setPassword(null)
    requestAnimationFrame(() => resetRef.current?.focus())
  }

  const handleRole = (value: string) => {
    closeConfirmation()
    return run(async () => {
      const next = isRole(value) ? value : null
      await setRole(negotiationId, user.id, next)
      onChanged()
      return next
        ? t.roleSet(user.username, t.roles[next], negotiationId)
        : t.roleRemoved(user.username, negotiationId)
    })
  }

  const handleActive = () =>
    run(async () => {
      await setUserActive(user.id, !user.isActive)
      onChanged()
      return user.isActive ? t.userDeactivated(user.username) : t.userActivated(user.username)
    })

  const handlePassword = async (event: FormEvent) => {
    event.preventDefault()
    if (!newPassword.success) return
    const isDone = await run(async () => {
      await resetPassword(user.id, newPassword.data.password)
      return t.passwordReset(user.username)
    })
    if (isDone) closePasswordForm()
  }

  return (
    <tr
      data-testid="user-row"
      data-username={user.username}
      className={user.isActive ? undefined : 'is-inactive'}
    >
      <td>
        <span className="console-user-name">{user.displayName}</span>
        <code>{user.username}</code>
      </td>
      <td>{user.delegation ?? '—'}</td>
      <td>
        <span className={`console-status ${user.isActive ? 'is-active' : ''}`}>
          {user.isActive ? t.active : t.inactive}
        </span>
        {user.isSecretariat && <span className="console-tag">{t.roles.secretariat}</span>}
      </td>
      <td>
        <select
          ref={roleRef}
          data-testid="user-role"
          aria-label={t.roleIn(negotiationId)}
          value={pendingRole ?? role}
          disabled={!negotiationId}
          onChange={(event) =>
            setPendingRole(event.target.value === role ? null : event.target.value)
          }
        >
          <option value="">{t.noRole}</option>
          {ROLES.map((r) => (
            <option key={r} value={r} disabled={r === 'delegation' && !user.delegation}>
              {t.roles[r]}
            </option>
          ))}
        </select>
        {pendingRole !== null && (
          <div className="console-confirm" role="group" data-testid="role-confirm">
            <p>
              {t.confirmRole(
                user.username,
                isRole(pendingRole) ? t.roles[pendingRole] : null,
                negotiationId,
              )}
            </p>
            <button
              type="button"
              className="button button-primary"
              data-testid="role-confirm-yes"
              onClick={() => void handleRole(pendingRole)}
            >
              {t.confirmRoleChange}
            </button>{' '}
            <button
              type="button"
              className="button"
              data-testid="role-confirm-no"
              onClick={closeConfirmation}
            >
              {common.cancel}
            </button>
          </div>
        )}
      </td>
      <td>
        <div className="console-actions">
          {password === null ? (
            <button
              ref={resetRef}
              type="button"
              className="button button-small"
              data-testid="user-reset-password"
              onClick={() => setPassword('')}
            >
              {t.resetPassword}
            </button>
          ) : (
            <form className="console-inline" onSubmit={(event) => void handlePassword(event)}>
              <input
                type="password"
                data-testid="user-new-password"
                aria-label={t.newPassword}
                placeholder={t.passwordHint(MIN_PASSWORD_LENGTH)}
                autoComplete="new-password"
                autoFocus
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') closePasswordForm()
                }}
              />
              <button
                type="submit"
                className="button button-small button-primary"
                data-testid="user-set-password"
                disabled={!newPassword.success}
              >
                {t.setPassword}
              </button>
              <button type="button" className="button button-small" onClick={closePasswordForm}>
                {common.cancel}
              </button>
            </form>
          )}
          <button
            type="button"
            className="button button-small"
            data-testid="user-toggle-active"
            disabled={isSelf}
            onClick={() => void handleActive()}
          >
            {user.isActive ? t.deactivate : t.activate}
          </button>
        </div>
      </td>
    </tr>
  )
}
