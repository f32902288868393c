import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startLoadBalancer } from '../server/cluster/loadBalancer.ts'

/**
 * `npm run start:cluster`: several Draftroom processes on the local PostgreSQL and Redis, and a
 * load balancer in front of them on one port, to try the cluster on one machine. Each process
 * listens on PORT+1, PORT+2 ...; the balancer on PORT. A process that exits is started again
 * after a second (kill one to watch its clients move).
 *
 *   CLUSTER_PROCESSES  how many processes (default 3)
 *   PORT               the balancer's port (default 3000)
 *   DATABASE_URL       default postgres://postgres@127.0.0.1:5432/draftroom (must exist)
 *   REDIS_URL          default redis://127.0.0.1:6379
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const count = Number(process.env.CLUSTER_PROCESSES ?? 3)
const port = Number(process.env.PORT ?? 3000)
if (!Number.isInteger(count) || count < 1 || count > 32) {
  throw new Error('CLUSTER_PROCESSES must be an integer from 1 to 32')
}
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/draftroom',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
}
const ports = Array.from({ length: count }, (_, i) => port + 1 + i)
const children = new Map<number, ChildProcess>()
let isStopping = false

/** Resolves once the process answers /readyz (whatever its log level). */
async function whenReady(processPort: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`process on ${processPort} exited before it was ready`)
    }
    try {
      const response = await fetch(`http://127.0.0.1:${processPort}/readyz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function startProcess(processPort: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...env, PORT: String(processPort), HOST: '127.0.0.1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  children.set(processPort, child)
  child.once('exit', (code, signal) => {
    children.delete(processPort)
    if (isStopping) return
    process.stderr.write(
      `cluster: process on ${processPort} exited (${code ?? signal}); restarting\n`,
    )
    setTimeout(() => void startProcess(processPort).catch(() => undefined), 1_000)
  })
  return whenReady(processPort, child)
}

// The first process migrates the database and creates the demo; the others join it.
await startProcess(ports[0]!)
await Promise.all(ports.slice(1).map((p) => startProcess(p)))
const balancer = await startLoadBalancer({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  backends: () => ports.filter((p) => children.has(p)).map((p) => ({ host: '127.0.0.1', port: p })),
})
process.stderr.write(
  `cluster: ${count} processes (ports ${ports.join(', ')}) behind http://localhost:${balancer.port}\n`,
)

const stop = () => {
  isStopping = true
  for (const child of children.values()) child.kill('SIGTERM')
  void balancer.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
