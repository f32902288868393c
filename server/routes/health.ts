import { Router } from 'express'
import type { AppContext } from '../context.ts'

/**
 * `GET /healthz`: the process is up, its database answers, which database it is and, with
 * several processes, which peers it hears through Redis. `GET /readyz`: whether a load
 * balancer may send it clients (503 while it shuts down, or when its database or Redis does
 * not answer).
 */
export function healthRoutes(context: AppContext): Router {
  const router = Router()
  router.get('/healthz', async (_request, response) => {
    await context.negotiations.list()
    const cluster = context.cluster
    response.json({
      status: 'ok',
      storage: context.storageKind,
      uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000),
      demo: context.isDemo,
      ...(cluster
        ? {
            cluster: {
              processId: cluster.bus.processId,
              redisPrefix: cluster.bus.prefix,
              redis: cluster.bus.isConnected ? 'connected' : 'disconnected',
              peers: await cluster.bus.peers().catch(() => []),
            },
          }
        : {}),
    })
  })
  router.get('/readyz', async (_request, response) => {
    const problems: string[] = []
    if (context.lifecycle.isClosing) problems.push('shutting down')
    try {
      await context.negotiations.list()
    } catch {
      problems.push('database unreachable')
    }
    if (context.cluster && !context.cluster.bus.isConnected) problems.push('redis unreachable')
    response
      .status(problems.length === 0 ? 200 : 503)
      .json({ ready: problems.length === 0, problems })
  })
  return router
}
