import type { ActivityItem } from '../../../shared/activity.ts'

/** How an item reads: who did it, to whom, how many. Names are already in the UI language. */
export interface ActivityWording {
  actor: string
  /** The delegation whose proposal(s) it concerns, or null (a bulk over several). */
  owner: string | null
  count: number
  revision: string | null
  deadline: string | null
  /** A paragraph's number ("23.", "d bis)"), for a change of its status. */
  block: string | null
}

/** The strings of the activity feed and of the news since the last visit. */
export interface ActivityMessages {
  button: string
  unread: (n: number) => string
  title: string
  close: string
  filterDelegation: string
  filterObjective: string
  allDelegations: string
  allObjectives: string
  objective: (n: number) => string
  empty: string
  loadOlder: string
  loading: string
  failed: (message: string) => string
  coFacilitators: string
  /** Who did what no user did (the demo's first revision). */
  system: string
  goToText: string
  item: Record<ActivityItem['action'], (w: ActivityWording) => string>
  sinceLastVisit: (yours: {
    accepted: number
    rejected: number
    supported: number
    commented: number
    mentioned: number
  }) => string
  proposalsMadeSince: (n: number) => string
  seeActivity: string
  dismiss: string
}
