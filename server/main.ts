import { startServer } from './app.ts'
import { parseEnv } from './env.ts'
import { createLogger } from './logger.ts'

/** The process entry: configuration from the environment, clean shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const env = parseEnv()
  const logger = createLogger(env.LOG_LEVEL)
  const server = await startServer({
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    port: env.PORT,
    host: env.HOST,
    demo: env.DEMO,
    roomIdleMs: env.ROOM_IDLE_MS,
    allowedOrigins: env.ALLOWED_ORIGINS,
    importTimeoutMs: env.IMPORT_TIMEOUT_MS,
    logger,
  })
  logger.info(
    {
      port: server.port,
      url: server.url,
      storage: server.context.storageKind,
      ...(server.context.cluster
        ? {
            processId: server.context.cluster.bus.processId,
            redisPrefix: server.context.cluster.bus.prefix,
          }
        : {}),
      ...(server.context.storageKind === 'sqlite' ? { dataDir: env.DATA_DIR } : {}),
    },
    'listening',
  )

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    server.close().then(
      () => {
        logger.info('stopped')
        process.exit(0)
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
