import { Router } from 'express'
import {
  CreateRoundRequest,
  currentRoundOf,
  UpdateRoundRequest,
  type RoundList,
} from '../../shared/rounds.ts'
import { createRound, updateRound } from '../commands/scheduleRounds.ts'
import type { AppContext } from '../context.ts'
import { badRequest } from '../errors.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { parseBody } from './parseBody.ts'

const ROUND_ID = /^round-[0-9a-z]{6,64}$/

/** `GET|POST /api/negotiations/:nid/rounds`, `PUT .../rounds/:rid` (rename, re-date). */
export function roundRoutes(context: AppContext): Router {
  const router = Router()

  router.get('/negotiations/:nid/rounds', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const rounds = await context.rounds.list(negotiation.id)
    const body: RoundList = {
      rounds,
      currentRoundId: currentRoundOf(rounds, context.now())?.id ?? null,
    }
    response.json(body)
  })

  router.post('/negotiations/:nid/rounds', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    const round = await createRound({
      context,
      actor,
      role,
      negotiationId: negotiation.id,
      request: parseBody(CreateRoundRequest, request.body),
    })
    response.status(201).json(round)
  })

  router.put('/negotiations/:nid/rounds/:rid', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    if (!ROUND_ID.test(request.params.rid)) throw badRequest('Invalid round id.')
    const round = await updateRound({
      context,
      actor,
      role,
      negotiationId: negotiation.id,
      roundId: request.params.rid,
      request: parseBody(UpdateRoundRequest, request.body),
    })
    response.json(round)
  })

  return router
}
