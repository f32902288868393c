import { Router } from 'express'
import type { NegotiationDetail, NegotiationList } from '../../shared/api.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { NEGOTIATION_ID_PATTERN } from '../../shared/limits.ts'
import type { AppContext } from '../context.ts'
import { presentDraft } from '../draft/presentDraft.ts'
import { readDocument } from '../draft/readDraft.ts'
import { badRequest, notFound } from '../errors.ts'

/** Negotiations and their live draft (DESIGN.md section 7). */
export function negotiationRoutes(context: AppContext): Router {
  const router = Router()

  const loadNegotiation = async (nid: string) => {
    if (!NEGOTIATION_ID_PATTERN.test(nid)) throw badRequest(`Invalid negotiation id.`)
    const negotiation = await context.negotiations.find(nid)
    if (!negotiation) throw notFound(`No negotiation "${nid}".`)
    return negotiation
  }

  router.get('/negotiations', async (_request, response) => {
    const body: NegotiationList = { negotiations: await context.negotiations.list() }
    response.json(body)
  })

  router.get('/negotiations/:nid', async (request, response) => {
    const negotiation = await loadNegotiation(request.params.nid)
    const participants = await context.negotiations.participants(negotiation.id)
    const body: NegotiationDetail = {
      ...negotiation,
      ...participants,
      revisions: [],
      silenceProcedure: null,
    }
    response.json(body)
  })

  router.get('/negotiations/:nid/draft', async (request, response) => {
    const negotiation = await loadNegotiation(request.params.nid)
    const doc = await readDocument({
      name: draftRoomName(negotiation.id),
      rooms: context.rooms,
      store: context.store,
    })
    response.json(presentDraft(negotiation.id, doc))
  })

  return router
}
