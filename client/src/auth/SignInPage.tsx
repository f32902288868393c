import { useId, useState, type FormEvent } from 'react'
import { auth } from '../api/useAuth.ts'
import { useSubmission } from '../api/useSubmission.ts'
import { LanguageSwitch } from '../header/LanguageSwitch.tsx'
import { useI18n } from '../i18n/I18nContext.ts'
import { useAccountMessages } from '../account/useAccountMessages.ts'
import { signInErrorMessage, signInErrorOf } from './signInError.ts'
import { useDemoMode } from './useDemoMode.ts'

/** User name and password; shown whenever there is no session, or it has ended. */
export function SignInPage({ hasExpired }: { hasExpired: boolean }) {
  const t = useAccountMessages()
  const { t: common } = useI18n()
  const isDemo = useDemoMode()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const { submission, isBusy, submit } = useSubmission()
  // Worded at each render (not when it failed), so that the message follows the UI language.
  const error = submission.status === 'failed' ? signInErrorOf(submission.error) : null
  // On success the app shows the room and this page goes away.
  const isSubmitting = isBusy || submission.status === 'done'
  const titleId = useId()
  const errorId = useId()

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    await submit(async () => {
      await auth.signIn(username.trim(), password)
      return ''
    })
  }

  return (
    <div className="signin-page">
      <div className="signin-language">
        <LanguageSwitch />
      </div>
      <main className="signin-card">
        <p className="signin-brand" aria-hidden="true">
          <span className="signin-logo">D</span>
          {common.appName}
        </p>
        <form
          className="signin-form"
          aria-labelledby={titleId}
          onSubmit={(event) => void handleSubmit(event)}
        >
          <h1 id={titleId}>{t.signInTitle}</h1>
          {hasExpired && !error ? (
            <p className="signin-notice" role="status">
              {t.sessionEnded}
            </p>
          ) : (
            <p className="signin-intro">{t.signInIntro}</p>
          )}
          <label className="field">
            <span>{t.username}</span>
            <input
              data-testid="signin-username"
              name="username"
              value={username}
              autoFocus
              required
              maxLength={80}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => setUsername(event.target.value)}
            />
          </label>
          <label className="field">
            <span>{t.password}</span>
            <input
              data-testid="signin-password"
              name="password"
              type="password"
              value={password}
              required
              maxLength={256}
              autoComplete="current-password"
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          {error && (
            <p className="form-error" id={errorId} role="alert" data-testid="signin-error">
              {signInErrorMessage(error, t)}
            </p>
          )}
          <button
            type="submit"
            className="button button-primary signin-submit"
            data-testid="signin-submit"
            disabled={isSubmitting || !username.trim() || !password}
          >
            {isSubmitting ? t.signingIn : t.signInSubmit}
          </button>
        </form>
        {isDemo && (
          <p className="signin-demo" data-testid="signin-demo">
            {t.demoAccounts} — {t.demoPassword} <code>demo</code>
          </p>
        )}
      </main>
    </div>
  )
}
