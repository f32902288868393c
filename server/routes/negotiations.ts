import { Router } from 'express'
import type { NegotiationDetail, NegotiationList } from '../../shared/api.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import type { AppContext } from '../context.ts'
import { presentDraft } from '../draft/presentDraft.ts'
import { readDocument } from '../draft/readDraft.ts'
import { abilitiesOf } from '../../shared/permissions.ts'
import { authorize } from '../policies/authorize.ts'
import { mayRead } from '../policies/negotiation.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { actorOf } from './middleware.ts'

/** Negotiations and their live draft (DESIGN.md section 7). */
export function negotiationRoutes(context: AppContext): Router {
  const router = Router()

  const load = (nid: string, response: Parameters<typeof actorOf>[0]) =>
    loadNegotiation(context, nid, response)

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
    const { negotiation, role } = await load(request.params.nid, response)
    const participants = await context.negotiations.participants(negotiation.id)
    const procedures = await context.silence.list(negotiation.id)
    const body: NegotiationDetail = {
      ...negotiation,
      ...participants,
      revisions: await context.revisions.list(negotiation.id),
      // The procedure that matters now: the running one, else the latest.
      silenceProcedure: procedures.find((p) => p.status === 'running') ?? procedures.at(-1) ?? null,
      policies: { role, abilities: abilitiesOf(role) },
    }
    response.json(body)
  })

  router.get('/negotiations/:nid/audit', async (request, response) => {
    const { negotiation, actor, role } = await load(request.params.nid, response)
    authorize(actor, mayRead, { negotiationId: negotiation.id, role })
    response.json({ events: await context.audit.list(negotiation.id) })
  })

  router.get('/negotiations/:nid/draft', async (request, response) => {
    const { negotiation } = await load(request.params.nid, response)
    const doc = await readDocument({
      name: draftRoomName(negotiation.id),
      rooms: context.rooms,
      store: context.store,
    })
    response.json(presentDraft(negotiation.id, doc))
  })

  return router
}
