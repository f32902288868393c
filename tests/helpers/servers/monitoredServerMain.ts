import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { startServer } from '../../../server/app.ts'
import { parseEnv } from '../../../server/env.ts'
import { startReferenceServer } from '../../bench/referenceServer.ts'
import {
  MonitoredServerOptions,
  ParentMessage,
  SERVER_KINDS,
  SERVER_OPTIONS_ENV,
  type ChildMessage,
} from './monitoredProtocol.ts'

/**
 * The process of `MonitoredServer`: the real server (`startServer`) on the storage of its
 * environment (DATA_DIR, DATABASE_URL), or the reference y-websocket loop seeded with the file
 * given, on the port given; it reports its memory, CPU time and event-loop delay and takes CPU
 * profiles over the IPC channel, so that what a load costs is measured in the server alone.
 * Arguments: `draftroom|reference <port> [seed file]`.
 */

const [kindArgument, portArgument, seedFile] = process.argv.slice(2)
const kind = SERVER_KINDS.find((k) => k === kindArgument)
if (!kind) throw new Error(`usage: monitoredServerMain.ts ${SERVER_KINDS.join('|')} <port> [seed]`)
const port = Number(portArgument ?? 0)
const options = MonitoredServerOptions.parse(JSON.parse(process.env[SERVER_OPTIONS_ENV] ?? '{}'))

const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
const server =
  kind === 'draftroom'
    ? await (() => {
        const env = parseEnv()
        return startServer({
          ...options,
          dataDir: env.DATA_DIR,
          databaseUrl: env.DATABASE_URL,
          port,
          host: '127.0.0.1',
        })
      })()
    : await startReferenceServer({ port, ...(seedFile ? { seed: fs.readFileSync(seedFile) } : {}) })

const reply = (message: ChildMessage) => process.send?.(message)
const ms = (nanoseconds: number) => nanoseconds / 1e6

/** Microseconds between CPU samples (`--cpu-prof` takes 1,000). */
const PROFILE_SAMPLING_INTERVAL_US = 250
let profiler: Session | null = null

async function startProfile(): Promise<void> {
  profiler = new Session()
  profiler.connect()
  await profiler.post('Profiler.enable')
  await profiler.post('Profiler.setSamplingInterval', { interval: PROFILE_SAMPLING_INTERVAL_US })
  await profiler.post('Profiler.start')
}

async function stopProfile(file: string): Promise<void> {
  if (!profiler) return
  const { profile } = await profiler.post('Profiler.stop')
  profiler.disconnect()
  profiler = null
  fs.writeFileSync(file, JSON.stringify(profile))
}

let isShuttingDown = false
const shutdown = async () => {
  if (isShuttingDown) return
  isShuttingDown = true
  try {
    await server.close()
    process.exit(0)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  }
}

const handle = async (message: ParentMessage): Promise<void> => {
  switch (message.type) {
    case 'stats': {
      if (message.collectGarbage) globalThis.gc?.()
      const { rss, heapUsed, arrayBuffers } = process.memoryUsage()
      const { user, system } = process.cpuUsage()
      reply({
        type: 'stats',
        id: message.id,
        stats: {
          rss,
          heapUsed,
          arrayBuffers,
          cpuMicros: user + system,
          maxLoopDelayMs: ms(loopDelay.max),
          p99LoopDelayMs: ms(loopDelay.percentile(99)),
        },
      })
      if (message.resetLoopDelay) loopDelay.reset()
      return
    }
    case 'startProfile':
      await startProfile()
      reply({ type: 'done', id: message.id })
      return
    case 'stopProfile':
      await stopProfile(message.file)
      reply({ type: 'done', id: message.id })
      return
    case 'close':
      await shutdown()
      return
  }
}

process.on('message', (raw) => {
  handle(ParentMessage.parse(raw)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
    process.exit(1)
  })
})
// Orphaned (the test or benchmark died): do not linger.
process.on('disconnect', () => void shutdown())

reply({ type: 'ready', port: server.port })
