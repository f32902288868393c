import { z } from 'zod'
import { ActivityPage, ActivitySummary } from '../../../shared/activity.ts'
import { fetchJson, sendJson } from './fetchJson.ts'

export interface ActivityFilter {
  delegation: string | null
  objectiveUid: string | null
}

const base = (negotiationId: string) =>
  `/api/negotiations/${encodeURIComponent(negotiationId)}/activity`

/** A page of the negotiation's activity, newest first; `before` for older pages. */
export function fetchActivity(
  negotiationId: string,
  filter: ActivityFilter,
  before: number | null,
): Promise<ActivityPage> {
  const query = new URLSearchParams()
  if (filter.delegation) query.set('delegation', filter.delegation)
  if (filter.objectiveUid) query.set('objective', filter.objectiveUid)
  if (before !== null) query.set('before', String(before))
  const search = query.toString()
  return fetchJson(`${base(negotiationId)}${search ? `?${search}` : ''}`, ActivityPage)
}

/** What concerns the user's delegation since the user last looked. */
export const fetchActivitySummary = (negotiationId: string): Promise<ActivitySummary> =>
  fetchJson(`${base(negotiationId)}/summary`, ActivitySummary)

/** Marks everything up to `upTo` as seen; answers the mark the server keeps. */
export const markActivitySeen = async (negotiationId: string, upTo: number): Promise<number> =>
  (
    await sendJson(
      'POST',
      `${base(negotiationId)}/seen`,
      { upTo },
      z.object({ seenUpTo: z.number() }),
    )
  ).seenUpTo
