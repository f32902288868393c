import { Router } from 'express'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import type { DraftJSON } from '../../shared/numbering.ts'
import type { AppContext } from '../context.ts'
import { blockHistoryOf, type RevisionText } from '../draft/blockHistory.ts'
import { readDocument } from '../draft/readDraft.ts'
import { notFound } from '../errors.ts'
import { blockUid } from './blockUid.ts'
import { loadNegotiation } from './loadNegotiation.ts'

/** The history of a paragraph, action or heading of the live draft (issue 14). */
export function blockHistoryRoutes(context: AppContext): Router {
  const router = Router()

  router.get('/negotiations/:nid/blocks/:uid/history', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const uid = blockUid(request.params.uid)
    const doc = await readDocument({
      name: draftRoomName(negotiation.id),
      rooms: context.rooms,
      store: context.store,
    })
    const revisions: RevisionText[] = []
    for (const summary of await context.revisions.list(negotiation.id)) {
      const found = await context.revisions.find(negotiation.id, summary.id)
      if (found) revisions.push({ summary, content: JSON.parse(found.contentJson) as DraftJSON })
    }
    const history = blockHistoryOf(doc, uid, revisions)
    if (!history) throw notFound(`No block "${uid}" in the draft.`)
    response.json(history)
  })

  return router
}
