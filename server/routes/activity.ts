import { Router } from 'express'
import { ActivityQuery, MarkActivitySeen } from '../../shared/activity.ts'
import { readActivityPage, summarizeActivity } from '../activity/readActivity.ts'
import type { AppContext } from '../context.ts'
import { badRequest } from '../errors.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { parseBody } from './parseBody.ts'

/**
 * A negotiation's activity (issue 14): the feed, what concerns the user's delegation since the
 * last visit, and the mark of what the user has seen. Whoever may read the negotiation may read
 * its activity: it shows what the room already shows everyone, from the audit log's work events
 * only (never sign-ins or refused changes).
 */
export function activityRoutes(context: AppContext): Router {
  const router = Router()

  router.get('/negotiations/:nid/activity', async (request, response) => {
    const { negotiation, actor } = await loadNegotiation(context, request.params.nid, response)
    const query = parseQuery(request.query)
    response.json(
      await readActivityPage({
        activity: context.activity,
        negotiationId: negotiation.id,
        filter: { delegation: query.delegation, objectiveUid: query.objective },
        before: query.before ?? null,
        limit: query.limit,
        seenUpTo: await context.activity.seenUpTo(actor.userId, negotiation.id),
      }),
    )
  })

  router.get('/negotiations/:nid/activity/summary', async (request, response) => {
    const { negotiation, actor } = await loadNegotiation(context, request.params.nid, response)
    response.json(
      await summarizeActivity({
        activity: context.activity,
        negotiationId: negotiation.id,
        delegation: actor.delegation,
        seenUpTo: await context.activity.seenUpTo(actor.userId, negotiation.id),
      }),
    )
  })

  router.post('/negotiations/:nid/activity/seen', async (request, response) => {
    const { negotiation, actor } = await loadNegotiation(context, request.params.nid, response)
    const { upTo } = parseBody(MarkActivitySeen, request.body)
    // Nobody marks as seen what has not happened yet.
    const newest = await context.activity.newestId(negotiation.id)
    const seenUpTo = await context.activity.markSeen(
      actor.userId,
      negotiation.id,
      Math.min(upTo, newest),
    )
    response.json({ seenUpTo })
  })

  return router
}

function parseQuery(query: unknown): ActivityQuery {
  const result = ActivityQuery.safeParse(query)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw badRequest(`${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`)
  }
  return result.data
}
