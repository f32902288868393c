import { Router } from 'express'
import type { AppContext } from '../context.ts'

/** `GET /healthz`: the process is up, its database answers, and which database it is. */
export function healthRoutes(context: AppContext): Router {
  const router = Router()
  router.get('/healthz', async (_request, response) => {
    await context.negotiations.list()
    response.json({
      status: 'ok',
      storage: context.storageKind,
      uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000),
      demo: context.isDemo,
    })
  })
  return router
}
