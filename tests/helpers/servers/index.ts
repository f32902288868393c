import type { StorageKind } from '../../../server/storage/StorageKind.ts'
import { ClusterProcesses, type ClusterOptions } from './ClusterProcesses.ts'
import { InProcessServer, type InProcessOptions } from './InProcessServer.ts'
import { MonitoredServer, type MonitoredOptions } from './MonitoredServer.ts'
import { ServerProcess } from './ServerProcess.ts'
import { createTestStorage, type TestStorage } from './storage.ts'

/**
 * The one way tests and benchmarks start Draftroom servers. Every server listens on port 0 of
 * 127.0.0.1, on storage of its own (new unless given), and registers the test actor's token
 * (see testCredentials.ts), so that clients and API reads need not repeat it:
 *
 * - `inProcess: true`: `server/app.ts`'s `startServer` in the test's process (InProcessServer),
 *   fast to restart; `startTestServer` is the same without restarts, for HTTP suites.
 * - `monitored: true`: one process that reports its memory, CPU and event-loop delay and takes
 *   CPU profiles (MonitoredServer), for attacks and benchmarks.
 * - otherwise `processes` (default 1) spawned as `server/main.ts` runs (ServerProcess), to
 *   kill, suspend and restart; several share PostgreSQL and Redis (ClusterProcesses), with a
 *   load balancer in front if `balancer`.
 *
 * `storage`: 'sqlite' or 'postgres' (a database created for the test, dropped on dispose), or
 * storage a test made to restart on; by default the tests' database (TEST_DATABASE), and always
 * PostgreSQL for several processes.
 */
export function startServer(options: StartInProcess): Promise<InProcessServer>
export function startServer(options: StartMonitored): Promise<MonitoredServer>
export function startServer(options: StartProcess): Promise<ServerProcess>
export function startServer(options: StartCluster): Promise<ClusterProcesses>
export async function startServer(
  options: StartInProcess | StartMonitored | StartProcess | StartCluster,
): Promise<InProcessServer | MonitoredServer | ServerProcess | ClusterProcesses> {
  if ('inProcess' in options) {
    const { roomIdleMs, maxClientBacklogBytes, writerLimits, decorateStore, port } = options
    return InProcessServer.start({
      ...{ roomIdleMs, maxClientBacklogBytes, writerLimits, decorateStore, port },
      storage: await storageFor(options.storage),
    })
  }
  if ('monitored' in options) {
    const { kind = 'draftroom', seedFile, serverOptions } = options
    return MonitoredServer.start({
      kind,
      ...(seedFile === undefined ? {} : { seedFile }),
      ...(serverOptions === undefined ? {} : { serverOptions }),
      ...(kind === 'draftroom' ? { storage: await storageFor(options.storage) } : {}),
    })
  }
  if ('processes' in options) {
    const { processes, ...rest } = options
    return ClusterProcesses.start(processes, rest)
  }
  const { storage, ...rest } = options
  return ServerProcess.start({ ...rest, storage: await storageFor(storage) })
}

type StorageChoice = StorageKind | TestStorage

interface StartInProcess extends InProcessOptions {
  inProcess: true
  storage?: StorageChoice
  port?: number
}

interface StartMonitored extends Omit<MonitoredOptions, 'storage'> {
  monitored: true
  storage?: StorageChoice
}

interface StartProcess {
  storage?: StorageChoice
  port?: number
  env?: Record<string, string>
}

/** Several processes: always PostgreSQL (a database of the test's) and Redis. */
interface StartCluster extends ClusterOptions {
  processes: number
}

/** New storage of the kind asked (the tests' database by default), or the storage given. */
function storageFor(choice: StorageChoice | undefined): Promise<TestStorage> {
  if (typeof choice === 'object') return Promise.resolve(choice)
  return createTestStorage('draftroom-server-', choice)
}

export { ClusterProcesses, TEST_REDIS_URL, onDatabase, storedDocument } from './ClusterProcesses.ts'
export { InProcessServer, startTestServer } from './InProcessServer.ts'
export { MonitoredServer } from './MonitoredServer.ts'
export type { ServerKind, ServerStats } from './monitoredProtocol.ts'
export { ServerProcess, type LogLine } from './ServerProcess.ts'
export type { ServerAddress } from './address.ts'
export { TEST_DATABASE, createTestStorage, removeTestStorage, type TestStorage } from './storage.ts'
