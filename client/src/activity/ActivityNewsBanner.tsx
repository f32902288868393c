import type { ActivitySummary } from '../../../shared/activity.ts'
import { useActivityMessages } from './useActivityMessages.ts'

/**
 * What became of the user's proposals since the last visit, said once on entering the room
 * ("3 of your proposals were accepted, 1 rejected"); for a co-facilitator, how many proposals
 * were made meanwhile.
 */
export function ActivityNewsBanner(props: {
  summary: ActivitySummary
  onOpen: () => void
  onDismiss: () => void
}) {
  const t = useActivityMessages()
  const { yours, proposalsMade } = props.summary
  const hasNews = Object.values(yours).some((n) => n > 0)
  const text = hasNews
    ? t.sinceLastVisit(yours)
    : proposalsMade > 0
      ? t.proposalsMadeSince(proposalsMade)
      : null
  if (!text) return null
  return (
    <div className="banner banner-info activity-news" role="status" data-testid="activity-news">
      <span>{text}</span>
      <button type="button" className="link-button" onClick={props.onOpen}>
        {t.seeActivity}
      </button>
      <button type="button" className="link-button" onClick={props.onDismiss}>
        {t.dismiss}
      </button>
    </div>
  )
}
