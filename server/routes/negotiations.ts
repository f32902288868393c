import { Router } from 'express'
import type { NegotiationDetail, NegotiationList } from '../../shared/api.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { NEGOTIATION_ID_PATTERN } from '../../shared/limits.ts'
import type { AppContext } from '../context.ts'
import { presentDraft } from '../draft/presentDraft.ts'
import { readDocument } from '../draft/readDraft.ts'
import { badRequest, notFound } from '../errors.ts'
import { abilitiesOf } from '../../shared/permissions.ts'
import { authorize } from '../policies/authorize.ts'
import { mayRead } from '../policies/negotiation.ts'
import { actorOf } from './middleware.ts'

/** Negotiations and their live draft (DESIGN.md section 7). */
export function negotiationRoutes(context: AppContext): Router {
  const router = Router()

  // validate -> load -> authorize: a negotiation one may not read answers 404 like one that
  // does not exist, so that ids cannot be probed.
  const loadNegotiation = async (nid: string, response: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(response)
    if (!NEGOTIATION_ID_PATTERN.test(nid)) throw badRequest(`Invalid negotiation id.`)
    const negotiation = await context.negotiations.find(nid)
    const role = negotiation ? await context.users.roleIn(actor.userId, nid) : null
    if (!negotiation || !mayRead(actor, { negotiationId: nid, role })) {
      throw notFound(`No negotiation "${nid}".`)
    }
    return { negotiation, actor, role }
  }

  router.get('/negotiations', async (_request, response) => {
    const actor = actorOf(response)
    const roles = new Set((await context.users.roles(actor.userId)).map((r) => r.negotiationId))
    const all = await context.negotiations.list()
    const body: NegotiationList = {
      negotiations: actor.isSecretariat ? all : all.filter((n) => roles.has(n.id)),
    }
    response.json(body)
  })

  router.get('/negotiations/:nid', async (request, response) => {
    const { negotiation, role } = await loadNegotiation(request.params.nid, response)
    const participants = await context.negotiations.participants(negotiation.id)
    const body: NegotiationDetail = {
      ...negotiation,
      ...participants,
      revisions: [],
      silenceProcedure: null,
      policies: { role, abilities: abilitiesOf(role) },
    }
    response.json(body)
  })

  router.get('/negotiations/:nid/audit', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(request.params.nid, response)
    authorize(actor, mayRead, { negotiationId: negotiation.id, role })
    response.json({ events: await context.audit.list(negotiation.id) })
  })

  router.get('/negotiations/:nid/draft', async (request, response) => {
    const { negotiation } = await loadNegotiation(request.params.nid, response)
    const doc = await readDocument({
      name: draftRoomName(negotiation.id),
      rooms: context.rooms,
      store: context.store,
    })
    response.json(presentDraft(negotiation.id, doc))
  })

  return router
}
