import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import express from 'express'
import {
  LOGIN_ATTEMPTS_PER_MINUTE,
  MAX_CLIENT_BACKLOG_BYTES,
  MAX_JSON_BODY_BYTES,
  SESSION_TTL_MS,
} from '../shared/limits.ts'
import { AccessChanges } from './auth/AccessChanges.ts'
import { RateLimiter } from './auth/RateLimiter.ts'
import { attachCollabServer } from './collab/collabServer.ts'
import { RoomRegistry } from './collab/RoomRegistry.ts'
import { DEFAULT_WRITER_LIMITS, WriterBudget, type WriterLimits } from './collab/WriterBudget.ts'
import type { AppContext } from './context.ts'
import { createDemo } from './demo/index.ts'
import { DEFAULTS } from './env.ts'
import { createLogger, type Logger } from './logger.ts'
import { apiNotFound, errorHandler } from './routes/errorHandler.ts'
import { healthRoutes } from './routes/health.ts'
import { adminRoutes } from './routes/admin.ts'
import { exportRoutes } from './routes/exports.ts'
import { csrfProtection, resolveActor } from './routes/middleware.ts'
import { negotiationRoutes } from './routes/negotiations.ts'
import { activityRoutes } from './routes/activity.ts'
import { alternativeRoutes } from './routes/alternatives.ts'
import { blockHistoryRoutes } from './routes/blockHistory.ts'
import { paragraphStatusRoutes } from './routes/paragraphStatus.ts'
import { proposalRoutes } from './routes/proposals.ts'
import { revisionRoutes } from './routes/revisions.ts'
import { roundRoutes } from './routes/rounds.ts'
import { amendmentRoutes } from './routes/amendments.ts'
import { ImportWorkers } from './revisions/import/ImportWorkers.ts'
import { compareRoutes } from './routes/compare.ts'
import { refuseNulCharacters } from './routes/refuseNulCharacters.ts'
import { securityHeaders } from './routes/securityHeaders.ts'
import { silenceRoutes } from './routes/silence.ts'
import { SilenceService } from './silence/SilenceService.ts'
import { SilenceRepository } from './storage/silenceProcedures.ts'
import { sessionRoutes } from './routes/session.ts'
import { tokenRoutes } from './routes/tokens.ts'
import { ActivityRepository } from './storage/activity.ts'
import { AuditLog } from './storage/audit.ts'
import { NegotiationRepository } from './storage/negotiations.ts'
import { RevisionRepository } from './storage/revisions.ts'
import { RoundRepository } from './storage/rounds.ts'
import { CredentialRepository } from './storage/sessions.ts'
import { UserRepository } from './storage/users.ts'
import { openDatabase } from './storage/openDatabase.ts'
import type { DocumentStore } from './storage/DocumentStore.ts'
import { SqlDocumentStore } from './storage/SqlDocumentStore.ts'
import { SqliteDocumentStore } from './storage/SqliteDocumentStore.ts'
import { storageConfig } from './storage/StorageKind.ts'
import { joinCluster } from './cluster/joinCluster.ts'
import { SharedRateLimiter } from './cluster/SharedRateLimiter.ts'
import { SharedWriterBudget } from './cluster/SharedWriterBudget.ts'

const CLIENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/client')

/** How long a clean shutdown may take before the process gives up on it. */
const SHUTDOWN_TIMEOUT_MS = 10_000

export interface ServerOptions {
  /** Where the SQLite database lives, unless `databaseUrl` is set. */
  dataDir: string
  /** DATABASE_URL: PostgreSQL holds everything instead of SQLite. */
  databaseUrl?: string | undefined
  /** REDIS_URL: several processes serve the same documents (needs `databaseUrl`). */
  redisUrl?: string | undefined
  /** REDIS_PREFIX: starts every Redis channel and key (default from the database's name). */
  redisPrefix?: string | undefined
  port?: number
  host?: string
  /** Create the demo negotiation when the data directory is new (default true). */
  demo?: boolean
  roomIdleMs?: number
  sessionTtlMs?: number
  /** How long one import may take (default IMPORT_TIMEOUT_MS); tests lower it to see one stopped. */
  importTimeoutMs?: number
  /** Default MAX_CLIENT_BACKLOG_BYTES; tests lower it to see a slow client dropped. */
  maxClientBacklogBytes?: number
  /** ALLOWED_ORIGINS: other origins whose pages may open the collaboration WebSocket. */
  allowedOrigins?: readonly string[]
  /** The server's clock (tests move it); defaults to the system clock. */
  now?: () => Date
  /**
   * Validate every incoming update against the policies (default true). Only the benchmark
   * turns it off, to measure what validation costs; nothing else may.
   */
  validateUpdates?: boolean
  /** Per-user limits of the collaboration socket (defaults in shared/limits.ts); benchmarks
   * and tests that open hundreds of connections for one account raise them. */
  writerLimits?: Partial<WriterLimits>
  /** Wraps the document store, e.g. to inject storage failures in fault tests. */
  decorateStore?: (store: DocumentStore) => DocumentStore
  logger?: Logger
}

export interface DraftroomServer {
  port: number
  url: string
  /** The server's services, for tests that check what is stored against what is live. */
  context: AppContext
  close(): Promise<void>
}

/** Starts Draftroom: the built client, the HTTP API and the collaboration WebSocket, one port. */
export async function startServer(options: ServerOptions): Promise<DraftroomServer> {
  const logger = options.logger ?? createLogger(process.env.LOG_LEVEL ?? 'silent')
  const { db, kind, isNew, sqlite } = await openDatabase(storageConfig(options), logger)
  const sqlStore = sqlite ? new SqliteDocumentStore(db, sqlite) : new SqlDocumentStore(db)
  const store = options.decorateStore ? options.decorateStore(sqlStore) : sqlStore
  const negotiations = new NegotiationRepository(db)
  const now = options.now ?? (() => new Date())
  const cluster = options.redisUrl
    ? joinCluster({ db, kind, logger, now, ...options, redisUrl: options.redisUrl })
    : null
  const rooms = new RoomRegistry(
    store,
    logger,
    options.roomIdleMs ?? DEFAULTS.ROOM_IDLE_MS,
    options.validateUpdates ?? true,
    cluster,
  )
  const audit = new AuditLog(db)
  const writerLimits = { ...DEFAULT_WRITER_LIMITS, ...options.writerLimits }
  const context: AppContext = {
    logger,
    storageKind: kind,
    store,
    negotiations,
    rooms,
    users: new UserRepository(db),
    credentials: new CredentialRepository(db),
    audit,
    activity: new ActivityRepository(db),
    revisions: new RevisionRepository(db),
    rounds: new RoundRepository(db),
    silence: new SilenceService({
      repository: new SilenceRepository(db),
      audit,
      rooms,
      logger,
      now,
    }),
    imports: new ImportWorkers({
      timeoutMs: options.importTimeoutMs ?? DEFAULTS.IMPORT_TIMEOUT_MS,
      logger,
    }),
    accessChanges: new AccessChanges(),
    loginLimiter: cluster
      ? new SharedRateLimiter(
          cluster.bus.redis,
          cluster.bus.prefix,
          LOGIN_ATTEMPTS_PER_MINUTE,
          60_000,
          logger,
        )
      : new RateLimiter(LOGIN_ATTEMPTS_PER_MINUTE, 60_000),
    sessionTtlMs: options.sessionTtlMs ?? SESSION_TTL_MS,
    writerBudget: cluster
      ? new SharedWriterBudget(writerLimits, cluster.bus.redis, cluster.bus.prefix, logger)
      : new WriterBudget(writerLimits),
    maxClientBacklogBytes: options.maxClientBacklogBytes ?? MAX_CLIENT_BACKLOG_BYTES,
    allowedOrigins: new Set(options.allowedOrigins ?? DEFAULTS.ALLOWED_ORIGINS),
    now,
    startedAt: Date.now(),
    isDemo: options.demo ?? true,
    cluster,
    lifecycle: { isClosing: false },
  }
  if (cluster) {
    const silence = context.silence
    silence.onChange = (negotiationId) => cluster.signalSilence(negotiationId)
    await cluster.start({
      isFrozen: (negotiationId) => silence.isFrozen(negotiationId),
      refresh: (negotiationId) => silence.refresh(negotiationId),
    })
  }
  if (isNew && (options.demo ?? true)) await createDemo(context)
  await context.silence.resume((await negotiations.list()).map((n) => n.id))

  const app = express()
  app.disable('x-powered-by')
  app.use(securityHeaders())
  app.use(healthRoutes(context))
  app.use('/api', express.json({ limit: MAX_JSON_BODY_BYTES }), refuseNulCharacters)
  app.use('/api', resolveActor(context), csrfProtection)
  app.use('/api', sessionRoutes(context))
  app.use('/api', tokenRoutes(context))
  app.use('/api', adminRoutes(context))
  app.use('/api', negotiationRoutes(context))
  app.use('/api', activityRoutes(context))
  app.use('/api', blockHistoryRoutes(context))
  app.use('/api', paragraphStatusRoutes(context))
  app.use('/api', alternativeRoutes(context))
  app.use('/api', exportRoutes(context))
  app.use('/api', proposalRoutes(context))
  app.use('/api', revisionRoutes(context))
  app.use('/api', roundRoutes(context))
  app.use('/api', amendmentRoutes(context))
  app.use('/api', compareRoutes(context))
  app.use('/api', silenceRoutes(context))
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
  const collab = attachCollabServer({ server, context })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULTS.PORT, options.host ?? '127.0.0.1', resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0)
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'

  let closing: Promise<void> | null = null
  const close = () => {
    context.lifecycle.isClosing = true
    closing ??= (async () => {
      const timeout = setTimeout(() => {
        logger.error('shutdown timed out')
      }, SHUTDOWN_TIMEOUT_MS)
      context.silence.close()
      await context.imports.close()
      await collab.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await rooms.closeAll()
      if (cluster) {
        if (context.writerBudget instanceof SharedWriterBudget) context.writerBudget.close()
        await cluster.close()
        await cluster.bus.close()
      }
      await db.destroy()
      clearTimeout(timeout)
    })()
    return closing
  }
  return { port, url: `http://${host}:${port}`, context, close }
}
