import { monitorEventLoopDelay } from 'node:perf_hooks'
import { startServer } from '../../server/app.ts'
import { parseEnv } from '../../server/env.ts'
import type { WriterLimits } from '../../server/collab/WriterBudget.ts'
import type { ChildMessage, ParentMessage } from './monitoredServer.ts'

/**
 * The server process of `MonitoredServer`: the real server (`startServer`) on the storage of
 * its environment (DATA_DIR, DATABASE_URL) and the port given as argument, which reports its memory and event-loop delay over
 * the IPC channel, so that an attack's cost is measured in the server and not in the test.
 */

const [portArgument] = process.argv.slice(2)
const env = parseEnv()

const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
const server = await startServer({
  dataDir: env.DATA_DIR,
  databaseUrl: env.DATABASE_URL,
  port: Number(portArgument ?? 0),
  host: '127.0.0.1',
  roomIdleMs: 200,
  writerLimits: JSON.parse(process.env.WRITER_LIMITS ?? '{}') as Partial<WriterLimits>,
})

const reply = (message: ChildMessage) => process.send?.(message)
const ms = (nanoseconds: number) => nanoseconds / 1e6

process.on('message', (raw: ParentMessage) => {
  switch (raw.type) {
    case 'stats': {
      // Garbage that a collection would free is not held memory.
      if (raw.collectGarbage) globalThis.gc?.()
      const { rss, heapUsed, arrayBuffers } = process.memoryUsage()
      reply({
        type: 'stats',
        id: raw.id,
        stats: {
          rss,
          heapUsed,
          arrayBuffers,
          maxLoopDelayMs: ms(loopDelay.max),
          p99LoopDelayMs: ms(loopDelay.percentile(99)),
        },
      })
      if (raw.resetLoopDelay) loopDelay.reset()
      return
    }
    case 'close':
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
      return
  }
})
// Orphaned (the test run died): do not linger.
process.on('disconnect', () => process.exit(0))

reply({ type: 'ready', port: server.port })
