import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import { startTestServer } from '../helpers/accounts.ts'
import { createTestStorage, removeTestStorage } from '../helpers/testStorage.ts'
import {
  DraftroomBenchOptions,
  ParentMessage,
  SERVER_KINDS,
  SERVER_OPTIONS_ENV,
  type ChildMessage,
} from './childServer.ts'
import { startReferenceServer } from './referenceServer.ts'

/**
 * The server process of a benchmark (see `childServer.ts`): `draftroom` is the real server on a
 * fresh data directory with the demo, started as the tests start it (in-process `startServer`);
 * `reference` is the plain y-websocket loop, seeded with the document in the file given as
 * second argument.
 */

const kind = SERVER_KINDS.find((k) => k === process.argv[2])
if (!kind) throw new Error(`usage: serverProcess.ts ${SERVER_KINDS.join('|')} [seed file]`)
const seedFile = process.argv[3]
const options = DraftroomBenchOptions.parse(JSON.parse(process.env[SERVER_OPTIONS_ENV] ?? '{}'))

/** Budgets no benchmark user reaches (see DraftroomBenchOptions). */
const LIFTED_LIMITS = {
  bytes: 2 ** 40,
  items: 2 ** 40,
  refusals: 2 ** 30,
  connections: 2 ** 30,
  requests: 2 ** 30,
  messages: 2 ** 40,
}

const { storage: storageKind, isDurable, ...serverOptions } = options
const storage =
  kind === 'draftroom'
    ? await createTestStorage('draftroom-bench-', storageKind, { isDurable })
    : null
const server = storage
  ? await startTestServer({
      ...serverOptions,
      storage,
      writerLimits: options.writerLimits ?? LIFTED_LIMITS,
    })
  : await startReferenceServer(seedFile ? { seed: fs.readFileSync(seedFile) } : {})

const reply = (message: ChildMessage) => process.send?.(message)

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

// A normal exit after a clean close: the data directory (and database) is removed.
let isShuttingDown = false
const shutdown = async () => {
  if (isShuttingDown) return
  isShuttingDown = true
  try {
    await server.close()
    if (storage) await removeTestStorage(storage)
    process.exit(0)
  } catch (error) {
    console.error(error)
    process.exit(1)
  }
}

const handle = async (message: ParentMessage): Promise<void> => {
  switch (message.type) {
    case 'stats': {
      const { rss, heapUsed } = process.memoryUsage()
      const { user, system } = process.cpuUsage()
      reply({ type: 'stats', id: message.id, stats: { rss, heapUsed, cpuMicros: user + system } })
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
    console.error(error)
    process.exit(1)
  })
})
// Orphaned (the benchmark died): do not linger.
process.on('disconnect', () => void shutdown())

reply({ type: 'ready', url: server.url })
