import { Router } from 'express'
import { ParagraphStatusRequest } from '../../shared/adReferendum.ts'
import { setParagraphStatus } from '../commands/setParagraphStatus.ts'
import type { AppContext } from '../context.ts'
import { blockUid } from './blockUid.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { parseBody } from './parseBody.ts'

/** A paragraph's status: agreed ad referendum, or open (issue 16). */
export function paragraphStatusRoutes(context: AppContext): Router {
  const router = Router()

  router.post('/negotiations/:nid/blocks/:uid/status', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    const uid = blockUid(request.params.uid)
    const { status } = parseBody(ParagraphStatusRequest, request.body)
    response.json(
      await setParagraphStatus({
        context,
        actor,
        role,
        negotiationId: negotiation.id,
        uid,
        status,
      }),
    )
  })

  return router
}
