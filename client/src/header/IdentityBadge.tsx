import { useI18n } from '../i18n/I18nContext.ts'
import { delegationColor } from '../identity/delegationColor.ts'
import { CO_FACILITATORS, type Identity } from '../identity/identity.ts'

interface IdentityBadgeProps {
  identity: Identity
  onChange: () => void
}

/** "Name · FRA" in the delegation's colour, as the others see it on the caret. */
export function IdentityBadge({ identity, onChange }: IdentityBadgeProps) {
  const { t } = useI18n()
  const delegation =
    identity.delegation === CO_FACILITATORS ? t.coFacilitators : identity.delegation
  return (
    <span className="identity-badge" data-testid="identity" title={t.identityLabel}>
      <span
        className="identity-swatch"
        style={{ backgroundColor: delegationColor(identity.delegation) }}
        aria-hidden="true"
      />
      <span className="identity-name">{identity.name}</span>
      <span className="identity-delegation">{delegation}</span>
      <button type="button" className="link-button" onClick={onChange}>
        {t.changeIdentity}
      </button>
    </span>
  )
}
