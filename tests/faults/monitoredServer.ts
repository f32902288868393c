import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { WriterLimits } from '../../server/collab/WriterBudget.ts'
import { COLLAB_PATH } from '../../shared/collabProtocol.ts'
import { makeStorage, type ServerAddress } from '../helpers/collabServer.ts'
import { removeTestStorage, storageEnv, type TestStorage } from '../helpers/testStorage.ts'
import { registerServerCredentials } from '../helpers/testCredentials.ts'

/** What the server process reports about itself. */
export interface ServerStats {
  /** Resident set size, bytes. */
  rss: number
  /** What the process holds after a collection, if one was asked for: JS heap and buffers. */
  heapUsed: number
  arrayBuffers: number
  /** The longest the event loop was blocked since the last reset, ms. */
  maxLoopDelayMs: number
  p99LoopDelayMs: number
}

export type ParentMessage =
  | { type: 'stats'; id: number; collectGarbage: boolean; resetLoopDelay: boolean }
  | { type: 'close' }

export type ChildMessage =
  { type: 'ready'; port: number } | { type: 'stats'; id: number; stats: ServerStats }

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ENTRY = path.join(HERE, 'monitoredServerProcess.ts')
const REPO_ROOT = path.resolve(HERE, '../..')
const START_TIMEOUT_MS = 30_000

/**
 * The server in a child process that reports its memory and event-loop delay (see
 * `monitoredServerProcess.ts`): for attacks whose cost must be measured in the server alone.
 * Restartable on the same port and storage.
 */
export class MonitoredServer implements ServerAddress {
  #child: ChildProcess | null = null
  #exit: Promise<number | null> | null = null
  #port = 0
  #nextId = 1
  readonly #pending = new Map<number, (stats: ServerStats) => void>()
  /** What the process wrote to stderr (a crash's stack trace). */
  readonly errorOutput: string[] = []

  private constructor(
    readonly storage: TestStorage,
    private readonly writerLimits: Partial<WriterLimits>,
  ) {}

  get dataDir(): string {
    return this.storage.dataDir
  }

  /** `writerLimits`: the per-user budgets of the collaboration socket (see WriterBudget). */
  static async start(
    options: { writerLimits?: Partial<WriterLimits> } = {},
  ): Promise<MonitoredServer> {
    const server = new MonitoredServer(await makeStorage(), options.writerLimits ?? {})
    await server.#fork(0)
    return server
  }

  get port(): number {
    return this.#port
  }
  get url(): string {
    return `http://127.0.0.1:${this.#port}`
  }
  get collabUrl(): string {
    return `ws://127.0.0.1:${this.#port}${COLLAB_PATH}`
  }
  /** False once the process has exited, whatever the reason. */
  get isRunning(): boolean {
    return this.#child !== null && this.#child.exitCode === null && this.#child.signalCode === null
  }

  /**
   * Memory and event-loop delay since the last reset; `collectGarbage` runs a full collection
   * first (the process has `--expose-gc`), `resetLoopDelay` starts a new measurement.
   */
  stats(
    options: { collectGarbage?: boolean; resetLoopDelay?: boolean } = {},
  ): Promise<ServerStats> {
    const child = this.#child
    if (!child) return Promise.reject(new Error('server not running'))
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no stats from the server in 10 s')), 10_000)
      this.#pending.set(id, (stats) => {
        clearTimeout(timer)
        resolve(stats)
      })
      child.send({
        type: 'stats',
        id,
        collectGarbage: options.collectGarbage ?? false,
        resetLoopDelay: options.resetLoopDelay ?? false,
      } satisfies ParentMessage)
    })
  }

  /** Closes cleanly and starts again on the same port and storage. */
  async restart(): Promise<void> {
    await this.close()
    await this.#fork(this.#port)
  }

  async close(): Promise<void> {
    const child = this.#child
    if (!child || !this.#exit) return
    if (this.isRunning) child.send({ type: 'close' } satisfies ParentMessage)
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await this.#exit
    clearTimeout(killer)
    this.#child = null
  }

  async dispose(): Promise<void> {
    await this.close()
    await removeTestStorage(this.storage)
  }

  async #fork(port: number): Promise<void> {
    const child = fork(ENTRY, [String(port)], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx', '--expose-gc'],
      env: {
        ...storageEnv(this.storage),
        LOG_LEVEL: 'silent',
        WRITER_LIMITS: JSON.stringify(this.writerLimits),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    this.#child = child
    this.#exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (text: string) => this.errorOutput.push(text))
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'stats') {
        this.#pending.get(message.id)?.(message.stats)
        this.#pending.delete(message.id)
      }
    })
    this.#port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`server not ready in ${START_TIMEOUT_MS} ms`))
      }, START_TIMEOUT_MS)
      child.on('message', (message: ChildMessage) => {
        if (message.type !== 'ready') return
        clearTimeout(timer)
        resolve(message.port)
      })
      void this.#exit?.then((code) => {
        clearTimeout(timer)
        reject(
          new Error(`server exited (${code}) before it was ready: ${this.errorOutput.join('')}`),
        )
      })
    })
    await registerServerCredentials(this)
  }
}
