import { useState } from 'react'
import { createPortal } from 'react-dom'
import type { NegotiationDetail } from '../../../shared/api.ts'
import type { Me, Policies } from '../../../shared/accountsApi.ts'
import { may } from '../auth/abilities.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useAmendmentMessages } from './useAmendmentMessages.ts'
import { draftDocxUrl } from '../api/amendments.ts'
import { WordAmendmentsDialog } from './WordAmendmentsDialog.tsx'

/**
 * The room's way to and from Word: the draft with tracked changes to download, and (for the
 * co-facilitators and delegations) a Word document's tracked changes to bring back in.
 */
export function WordDoor(props: { negotiation: NegotiationDetail; me: Me; policies: Policies }) {
  const t = useAmendmentMessages()
  const { language } = useI18n()
  const [isOpen, setIsOpen] = useState(false)
  const { negotiation, me, policies } = props
  const isCoFacilitator = policies.role === 'coFacilitator'
  const delegations = isCoFacilitator
    ? negotiation.delegations
    : negotiation.delegations.filter((d) => d.code === me.user.delegation)
  return (
    <div className="word-door">
      <a
        className="button"
        href={draftDocxUrl(negotiation.id, language)}
        title={t.wordExportHint}
        data-testid="word-export"
        download
      >
        {t.wordExport}
      </a>
      {may(policies, 'propose') && (isCoFacilitator || delegations.length > 0) && (
        <button
          type="button"
          className="button"
          onClick={() => setIsOpen(true)}
          data-testid="word-import-open"
        >
          {t.wordImport}
        </button>
      )}
      {/* On the page's body: the side column is a stacking context the text would cover. */}
      {isOpen &&
        createPortal(
          <WordAmendmentsDialog
            negotiationId={negotiation.id}
            delegations={delegations}
            onClose={() => setIsOpen(false)}
          />,
          document.body,
        )}
    </div>
  )
}
