import { Router } from 'express'
import { ProposeAlternativeRequest } from '../../shared/alternatives.ts'
import { proposeAlternative } from '../commands/proposeAlternative.ts'
import type { AppContext } from '../context.ts'
import { blockUid } from './blockUid.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { parseBody } from './parseBody.ts'

/**
 * Alternatives to a paragraph (issue 16). Only proposing one is here: once made, an Alt is a
 * proposal, accepted, rejected, withdrawn, supported and commented through `proposals.ts`.
 */
export function alternativeRoutes(context: AppContext): Router {
  const router = Router()

  router.post('/negotiations/:nid/blocks/:uid/alternatives', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    const uid = blockUid(request.params.uid)
    const { text, rationale } = parseBody(ProposeAlternativeRequest, request.body)
    const record = await proposeAlternative({
      context,
      actor,
      role,
      negotiationId: negotiation.id,
      uid,
      text,
      rationale,
    })
    response.status(201).json(record)
  })

  return router
}
