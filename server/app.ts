import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import express from 'express'
import { MAX_JSON_BODY_BYTES } from '../shared/limits.ts'
import { attachCollabServer } from './collab/collabServer.ts'
import { RoomRegistry } from './collab/RoomRegistry.ts'
import type { AppContext } from './context.ts'
import { createDemo } from './demo/index.ts'
import { DEFAULTS } from './env.ts'
import { createLogger, type Logger } from './logger.ts'
import { apiNotFound, errorHandler } from './routes/errorHandler.ts'
import { healthRoutes } from './routes/health.ts'
import { negotiationRoutes } from './routes/negotiations.ts'
import { NegotiationRepository } from './storage/negotiations.ts'
import { openDatabase } from './storage/openDatabase.ts'
import { SqlDocumentStore } from './storage/SqlDocumentStore.ts'

const CLIENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client')

/** How long a clean shutdown may take before the process gives up on it. */
const SHUTDOWN_TIMEOUT_MS = 10_000

export interface ServerOptions {
  dataDir: string
  port?: number
  host?: string
  /** Create the demo negotiation when the data directory is new (default true). */
  demo?: boolean
  roomIdleMs?: number
  logger?: Logger
}

export interface DraftroomServer {
  port: number
  url: string
  close(): Promise<void>
}

/** Starts Draftroom: the built client, the HTTP API and the collaboration WebSocket, one port. */
export async function startServer(options: ServerOptions): Promise<DraftroomServer> {
  const logger = options.logger ?? createLogger(process.env.LOG_LEVEL ?? 'silent')
  const { db, isNew } = await openDatabase(options.dataDir)
  const store = new SqlDocumentStore(db)
  const negotiations = new NegotiationRepository(db)
  const rooms = new RoomRegistry(store, logger, options.roomIdleMs ?? DEFAULTS.ROOM_IDLE_MS)
  const context: AppContext = { logger, store, negotiations, rooms, startedAt: Date.now() }
  if (isNew && (options.demo ?? true)) await createDemo(context)

  const app = express()
  app.disable('x-powered-by')
  app.use(healthRoutes(context))
  app.use('/api', express.json({ limit: MAX_JSON_BODY_BYTES }))
  app.use('/api', negotiationRoutes(context))
  app.use('/api', apiNotFound)
  if (fs.existsSync(CLIENT_DIR)) {
    app.use(express.static(CLIENT_DIR, { index: false }))
    // The client routes (e.g. /negotiations/<id>) all load the single-page app.
    app.get('/{*path}', (_request, response) =>
      response.sendFile(path.join(CLIENT_DIR, 'index.html')),
    )
  } else {
    logger.warn({ dir: CLIENT_DIR }, 'client not built: run `npm run build`')
  }
  app.use(errorHandler(logger))

  const server = http.createServer(app)
  const collab = attachCollabServer({ server, rooms, negotiations, logger })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULTS.PORT, options.host ?? '127.0.0.1', resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0)
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= (async () => {
      const timeout = setTimeout(() => {
        logger.error('shutdown timed out')
      }, SHUTDOWN_TIMEOUT_MS)
      await collab.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rooms.closeAll()
      await db.destroy()
      clearTimeout(timeout)
    })()
    return closing
  }
  return { port, url: `http://${host}:${port}`, close }
}
