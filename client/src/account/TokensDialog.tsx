import { useId, useRef, useState, type FormEvent } from 'react'
import { CreateTokenRequest } from '../../../shared/accountsApi.ts'
import {
  createToken,
  fetchTokens,
  revokeToken,
  type ApiToken,
  type CreatedApiToken,
} from '../api/tokens.ts'
import { useRequest } from '../api/useRequest.ts'
import { useSubmission, wordFailure } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useAccountMessages } from './useAccountMessages.ts'
import { formatDateTime } from '../i18n/formatDate.ts'
import { useFocusTrap } from '../focus/useFocusTrap.ts'

/**
 * Personal API tokens: create one with a name (its secret is shown once, with a copy button),
 * see the others, revoke them.
 */
export function TokensDialog({ onClose }: { onClose: () => void }) {
  const t = useAccountMessages()
  const { t: common, language } = useI18n()
  const [attempt, setAttempt] = useState(0)
  const listed = useRequest('tokens', fetchTokens, attempt)
  const tokens = listed.status === 'ready' ? listed.value : null
  const [name, setName] = useState('')
  const [created, setCreated] = useState<CreatedApiToken | null>(null)
  const [isCopied, setIsCopied] = useState(false)
  const { submission, submit } = useSubmission({ mayOverlap: true })
  const titleId = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  useFocusTrap(dialogRef, { isActive: true, onEscape: onClose })
  const parsed = CreateTokenRequest.safeParse({ name })

  const reload = () => setAttempt((n) => n + 1)
  // What the last action came to, or else why the list could not be read.
  const shown =
    submission.status === 'failed'
      ? { isError: true, text: submission.message }
      : submission.status === 'done' && submission.message
        ? { isError: false, text: submission.message }
        : listed.status === 'error'
          ? { isError: true, text: t.actionFailed(listed.message) }
          : null

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault()
    if (!parsed.success) return
    // The secret is shown in its own box: no outcome line on success.
    await submit(async () => {
      setCreated(await createToken(parsed.data.name))
      setIsCopied(false)
      setName('')
      reload()
      return ''
    }, wordFailure(t.actionFailed))
  }

  const handleRevoke = (token: ApiToken) =>
    submit(async () => {
      await revokeToken(token.id)
      if (created?.id === token.id) setCreated(null)
      reload()
      return t.tokenRevoked(token.name)
    }, wordFailure(t.actionFailed))

  const handleCopy = async () => {
    if (!created) return
    try {
      await navigator.clipboard.writeText(created.token)
      setIsCopied(true)
    } catch {
      // No clipboard (insecure context, refused): the token stays selected for a manual copy.
      document.querySelector<HTMLInputElement>('[data-testid="token-secret"]')?.select()
    }
  }

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog dialog-wide"
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="tokens-dialog"
      >
        <h2 id={titleId}>{t.personalTokens}</h2>
        <p className="dialog-intro">{t.tokensIntro}</p>
        <form className="inline-form" onSubmit={(event) => void handleCreate(event)}>
          <label className="field">
            <span>{t.tokenName}</span>
            <input
              data-testid="token-name"
              value={name}
              autoFocus
              maxLength={120}
              placeholder={t.tokenNamePlaceholder}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <button
            type="submit"
            className="button button-primary"
            data-testid="token-create"
            disabled={!parsed.success}
          >
            {t.createToken}
          </button>
        </form>
        {created && (
          <div className="token-secret" role="status">
            <p>{t.tokenShownOnce}</p>
            <div className="token-secret-row">
              <input
                data-testid="token-secret"
                readOnly
                value={created.token}
                aria-label={created.name}
                onFocus={(event) => event.target.select()}
              />
              <button
                type="button"
                className="button"
                data-testid="token-copy"
                onClick={() => void handleCopy()}
              >
                {isCopied ? t.copied : t.copy}
              </button>
            </div>
          </div>
        )}
        {shown && (
          <p className={shown.isError ? 'form-error' : 'form-success'} role="status">
            {shown.text}
          </p>
        )}
        {tokens === null ? (
          <p className="dialog-note">{common.loadingList}</p>
        ) : tokens.length === 0 ? (
          <p className="dialog-note">{t.tokensEmpty}</p>
        ) : (
          <ul className="token-list" data-testid="token-list">
            {tokens.map((token) => (
              <li key={token.id} className={token.revokedAt ? 'is-revoked' : undefined}>
                <span className="token-name">{token.name}</span>
                <span className="token-date">
                  {token.revokedAt
                    ? t.tokenRevokedOn(formatDateTime(token.revokedAt, language))
                    : t.tokenCreatedOn(formatDateTime(token.createdAt, language))}
                </span>
                {!token.revokedAt && (
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="token-revoke"
                    onClick={() => void handleRevoke(token)}
                  >
                    {t.revoke}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {common.close}
          </button>
        </div>
      </div>
    </div>
  )
}
