import { useId, useState, type FormEvent } from 'react'
import type { Delegation } from '../../../shared/api.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { CO_FACILITATORS, Identity } from './identity.ts'

interface IdentityDialogProps {
  delegations: readonly Delegation[]
  initial: Identity | null
  onSubmit: (identity: Identity) => void
  /** Offered when changing an identity already chosen. */
  onCancel?: () => void
}

/**
 * Asks for a name and a delegation. Temporary: the sign-in issue replaces this component
 * (and `identity.ts`) with the authenticated user, everything else reads only `Identity`.
 */
export function IdentityDialog({ delegations, initial, onSubmit, onCancel }: IdentityDialogProps) {
  const { t, language } = useI18n()
  const [name, setName] = useState(initial?.name ?? '')
  const [delegation, setDelegation] = useState(initial?.delegation ?? '')
  const titleId = useId()
  const parsed = Identity.safeParse({ name, delegation })

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (parsed.success) onSubmit(parsed.data)
  }

  const sorted = [...delegations].sort((a, b) =>
    (language === 'fr' ? a.nameFr : a.nameEn).localeCompare(
      language === 'fr' ? b.nameFr : b.nameEn,
      language,
    ),
  )

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={handleSubmit}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel?.()
        }}
      >
        <h2 id={titleId}>{t.identityTitle}</h2>
        <p className="dialog-intro">{t.identityIntro}</p>
        <label className="field">
          <span>{t.identityName}</span>
          <input
            data-testid="identity-name"
            value={name}
            autoFocus
            maxLength={80}
            autoComplete="name"
            placeholder={t.identityNamePlaceholder}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t.identityDelegation}</span>
          <select
            data-testid="identity-delegation"
            value={delegation}
            onChange={(event) => setDelegation(event.target.value)}
          >
            <option value="" disabled>
              {t.identityChooseDelegation}
            </option>
            <option value={CO_FACILITATORS}>{t.coFacilitators}</option>
            {sorted.map((d) => (
              <option key={d.code} value={d.code}>
                {language === 'fr' ? d.nameFr : d.nameEn} ({d.code})
              </option>
            ))}
          </select>
        </label>
        <div className="dialog-actions">
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              {t.cancel}
            </button>
          )}
          <button
            type="submit"
            className="button button-primary"
            data-testid="identity-submit"
            disabled={!parsed.success}
          >
            {t.identitySubmit}
          </button>
        </div>
        <p className="dialog-note">{t.identityTemporaryNote}</p>
      </form>
    </div>
  )
}
