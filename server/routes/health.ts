import { Router } from 'express'
import type { AppContext } from '../context.ts'

/** `GET /healthz`: the process is up and its database answers. */
export function healthRoutes(context: AppContext): Router {
  const router = Router()
  router.get('/healthz', async (_request, response) => {
    await context.negotiations.list()
    response.json({
      status: 'ok',
      uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000),
      demo: context.isDemo,
    })
  })
  return router
}
