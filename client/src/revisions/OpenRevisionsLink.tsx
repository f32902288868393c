import { useRevisionMessages } from './useRevisionMessages.ts'
import { AppLink } from './AppLink.tsx'
import { revisionsPath } from '../routes.ts'
import './revisions.css'

/** The way from the room to the negotiation's revisions and comparisons. */
export function OpenRevisionsLink({ negotiationId }: { negotiationId: string }) {
  const t = useRevisionMessages()
  return (
    <AppLink
      className="open-revisions"
      href={revisionsPath(negotiationId)}
      title={t.openRevisionsHint}
      data-testid="open-revisions"
    >
      <span aria-hidden="true" className="open-revisions-icon">
        ⇄
      </span>
      {t.openRevisions}
    </AppLink>
  )
}
