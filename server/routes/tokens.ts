import { Router } from 'express'
import { CreateTokenRequest } from '../../shared/accountsApi.ts'
import { hashToken, newApiToken } from '../auth/tokens.ts'
import type { AppContext } from '../context.ts'
import { badRequest, notFound } from '../errors.ts'
import { actorOf } from './middleware.ts'
import { parseBody } from './parseBody.ts'

/** Personal API tokens for scripts: created, listed and revoked by their owner only. */
export function tokenRoutes(context: AppContext): Router {
  const router = Router()

  router.get('/tokens', async (_request, response) => {
    const actor = actorOf(response)
    const tokens = await context.credentials.listApiTokens(actor.userId)
    response.json({
      tokens: tokens.map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.created_at,
        revokedAt: t.revoked_at,
      })),
    })
  })

  router.post('/tokens', async (request, response) => {
    const actor = actorOf(response)
    const { name } = parseBody(CreateTokenRequest, request.body)
    const token = newApiToken()
    const row = await context.credentials.createApiToken({
      userId: actor.userId,
      name,
      tokenHash: hashToken(token),
    })
    await context.audit.record({
      negotiationId: null,
      actor,
      action: 'token.created',
      details: { id: row.id, name },
    })
    // The secret is shown once, now; only its hash is kept.
    response.status(201).json({ id: row.id, name: row.name, createdAt: row.created_at, token })
  })

  router.delete('/tokens/:id', async (request, response) => {
    const actor = actorOf(response)
    const id = Number(request.params.id)
    if (!Number.isSafeInteger(id) || id <= 0) throw badRequest('Invalid token id.')
    if (!(await context.credentials.revokeApiToken(actor.userId, id))) {
      throw notFound('No such token of yours.')
    }
    await context.audit.record({
      negotiationId: null,
      actor,
      action: 'token.revoked',
      details: { id },
    })
    response.status(204).end()
  })

  return router
}
