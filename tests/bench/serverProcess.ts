import fs from 'node:fs'
import { startTestServer } from '../helpers/accounts.ts'
import { ParentMessage, SERVER_KINDS, type ChildMessage } from './childServer.ts'
import { startReferenceServer } from './referenceServer.ts'

/**
 * The server process of a benchmark (see `childServer.ts`): `draftroom` is the real server on a
 * fresh data directory with the demo, exactly as the tests start it; `reference` is the plain
 * y-websocket loop, seeded with the document in the file given as second argument.
 */

const kind = SERVER_KINDS.find((k) => k === process.argv[2])
if (!kind) throw new Error(`usage: serverProcess.ts ${SERVER_KINDS.join('|')} [seed file]`)
const seedFile = process.argv[3]

const server =
  kind === 'draftroom'
    ? await startTestServer()
    : await startReferenceServer(seedFile ? { seed: fs.readFileSync(seedFile) } : {})

const reply = (message: ChildMessage) => process.send?.(message)

// A normal exit after a clean close: the data directory is removed and `--cpu-prof` writes its
// profile.
let isShuttingDown = false
const shutdown = async () => {
  if (isShuttingDown) return
  isShuttingDown = true
  try {
    await server.close()
    process.exit(0)
  } catch (error) {
    console.error(error)
    process.exit(1)
  }
}

process.on('message', (raw) => {
  const message = ParentMessage.parse(raw)
  switch (message.type) {
    case 'stats': {
      const { rss, heapUsed } = process.memoryUsage()
      const { user, system } = process.cpuUsage()
      reply({ type: 'stats', id: message.id, stats: { rss, heapUsed, cpuMicros: user + system } })
      return
    }
    case 'close':
      void shutdown()
      return
  }
})
// Orphaned (the benchmark died): do not linger.
process.on('disconnect', () => void shutdown())

reply({ type: 'ready', url: server.url })
