import { useEffect, useId, useRef, useState } from 'react'
import type { Me } from '../../../shared/accountsApi.ts'
import type { Role } from '../../../shared/permissions.ts'
import { presenceColor } from '../../../shared/presence.ts'
import { TokensDialog } from '../account/TokensDialog.tsx'
import { auth } from '../api/useAuth.ts'
import { failureOf, useSubmission, wordFailure } from '../api/useSubmission.ts'
import { useAccountMessages } from '../account/useAccountMessages.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { LANGUAGES } from '../i18n/language.ts'
import { CONSOLE_PATH, navigate } from '../routes.ts'
import { userLabel } from './userLabel.ts'

interface UserMenuProps {
  user: Me['user']
  /** The user's role in the negotiation on screen (null outside one). */
  role: Role | null
  delegationColors: ReadonlyMap<string, string>
}

/** Who is signed in, in their presence colour; opens language, tokens, console and sign-out. */
export function UserMenu({ user, role, delegationColors }: UserMenuProps) {
  const t = useAccountMessages()
  const { language, setLanguage } = useI18n()
  const [isOpen, setIsOpen] = useState(false)
  const [isTokensOpen, setIsTokensOpen] = useState(false)
  const signingOut = useSubmission()
  const signOutError = failureOf(signingOut.submission)
  const menuId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!isOpen) return
    const handlePointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setIsOpen(false)
    }
    const handleKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setIsOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', handlePointer)
    document.addEventListener('keydown', handleKey)
    return () => {
      document.removeEventListener('pointerdown', handlePointer)
      document.removeEventListener('keydown', handleKey)
    }
  }, [isOpen])

  const handleSignOut = () =>
    signingOut.submit(async () => {
      await auth.signOut()
      return ''
    }, wordFailure(t.signOutFailed))

  return (
    <div className="user-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="user-menu-button"
        data-testid="user-menu"
        aria-expanded={isOpen}
        aria-controls={menuId}
        title={t.userMenuLabel}
        onClick={() => setIsOpen((open) => !open)}
      >
        <span
          className="identity-swatch"
          style={{ backgroundColor: presenceColor(user.delegation, role, delegationColors) }}
          aria-hidden="true"
        />
        <span className="identity-name">{user.displayName}</span>
        {user.delegation && <span className="identity-delegation">{user.delegation}</span>}
        <span className="user-menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {isOpen && (
        <div className="user-menu-panel" id={menuId}>
          <p className="user-menu-identity" data-testid="user-identity">
            {userLabel(user, role, t)}
          </p>
          <div className="user-menu-section" role="group" aria-label={t.menuLanguage}>
            <span className="user-menu-caption">{t.menuLanguage}</span>
            <span className="user-menu-languages">
              {LANGUAGES.map((code) => (
                <button
                  key={code}
                  type="button"
                  className="user-menu-language"
                  aria-pressed={code === language}
                  data-testid={`menu-language-${code}`}
                  onClick={() => setLanguage(code)}
                >
                  {t.languageNames[code]}
                </button>
              ))}
            </span>
          </div>
          <button
            type="button"
            className="user-menu-item"
            data-testid="open-tokens"
            onClick={() => {
              setIsOpen(false)
              setIsTokensOpen(true)
            }}
          >
            {t.personalTokens}
          </button>
          {user.isSecretariat && (
            <a
              className="user-menu-item"
              href={CONSOLE_PATH}
              data-testid="open-console"
              onClick={(event) => {
                event.preventDefault()
                setIsOpen(false)
                navigate(CONSOLE_PATH)
              }}
            >
              {t.secretariatConsole}
            </a>
          )}
          <button
            type="button"
            className="user-menu-item user-menu-signout"
            data-testid="signout"
            onClick={() => void handleSignOut()}
          >
            {t.signOut}
          </button>
          {signOutError && (
            <p className="form-error" role="alert">
              {signOutError}
            </p>
          )}
        </div>
      )}
      {isTokensOpen && (
        <TokensDialog
          onClose={() => {
            setIsTokensOpen(false)
            // The menu item that opened the dialog has gone with the menu: back to its button.
            button.current?.focus()
          }}
        />
      )}
    </div>
  )
}
