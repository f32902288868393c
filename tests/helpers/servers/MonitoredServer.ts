import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { registerServerCredentials } from '../testCredentials.ts'
import { ListeningServer } from './address.ts'
import {
  ChildMessage,
  SERVER_OPTIONS_ENV,
  type MonitoredServerOptions,
  type ParentMessage,
  type ServerKind,
  type ServerStats,
} from './monitoredProtocol.ts'
import { createTestStorage, removeTestStorage, storageEnv, type TestStorage } from './storage.ts'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ENTRY = path.join(HERE, 'monitoredServerMain.ts')
const REPO_ROOT = path.resolve(HERE, '../../..')
const START_TIMEOUT_MS = 30_000
const REQUEST_TIMEOUT_MS = 60_000

/** How a monitored server starts (see `startServer`). */
export interface MonitoredOptions {
  /** Draftroom (default), or the reference y-websocket loop seeded with `seedFile`. */
  kind?: ServerKind
  seedFile?: string
  /** New storage of the tests' database unless given (Draftroom only). */
  storage?: TestStorage
  serverOptions?: MonitoredServerOptions
}

/**
 * The server in a child process that reports its memory, CPU time and event-loop delay and
 * takes CPU profiles (see `monitoredServerMain.ts`): for attacks and loads whose cost must be
 * measured in the server alone, and so that the clients do not share its event loop.
 * Restartable on the same port and storage.
 */
export class MonitoredServer extends ListeningServer {
  #child: ChildProcess | null = null
  #exit: Promise<number | null> | null = null
  #nextId = 1
  readonly #pending = new Map<number, (message: ChildMessage) => void>()
  /** What the process wrote to stderr (a crash's stack trace). */
  readonly errorOutput: string[] = []

  private constructor(
    readonly kind: ServerKind,
    readonly storage: TestStorage | null,
    private readonly options: MonitoredOptions,
  ) {
    super()
  }

  static async start(options: MonitoredOptions = {}): Promise<MonitoredServer> {
    const kind = options.kind ?? 'draftroom'
    const storage =
      kind === 'draftroom'
        ? (options.storage ?? (await createTestStorage('draftroom-monitored-')))
        : null
    const server = new MonitoredServer(kind, storage, options)
    try {
      await server.#fork(0)
    } catch (error) {
      if (storage && !options.storage) await removeTestStorage(storage)
      throw error
    }
    return server
  }

  get dataDir(): string {
    return this.storage?.dataDir ?? ''
  }
  /** False once the process has exited, whatever the reason. */
  get isRunning(): boolean {
    return this.#child !== null && this.#child.exitCode === null && this.#child.signalCode === null
  }

  /**
   * Memory, CPU time and event-loop delay since the last reset; `collectGarbage` runs a full
   * collection first (the process has `--expose-gc`), `resetLoopDelay` starts a new measurement.
   */
  async stats(
    options: { collectGarbage?: boolean; resetLoopDelay?: boolean } = {},
  ): Promise<ServerStats> {
    const reply = await this.#request((id) => ({
      type: 'stats',
      id,
      collectGarbage: options.collectGarbage ?? false,
      resetLoopDelay: options.resetLoopDelay ?? false,
    }))
    if (reply.type !== 'stats') throw new Error(`unexpected ${reply.type}`)
    return reply.stats
  }

  /** Starts the V8 CPU profiler in the server, for the measured phase only. */
  async startProfile(): Promise<void> {
    await this.#request((id) => ({ type: 'startProfile', id }))
  }

  /** Stops it and writes the profile (`.cpuprofile`) to `file`. */
  async stopProfile(file: string): Promise<void> {
    await this.#request((id) => ({ type: 'stopProfile', id, file }))
  }

  /** Closes cleanly and starts again on the same port and storage. */
  async restart(): Promise<void> {
    await this.close()
    await this.#fork(this.listeningPort)
  }

  /** Closes the server cleanly (SIGKILL if it does not exit); the storage stays. */
  async close(): Promise<void> {
    const child = this.#child
    if (!child || !this.#exit) return
    if (this.isRunning) child.send({ type: 'close' } satisfies ParentMessage)
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await this.#exit
    clearTimeout(killer)
    this.#child = null
  }

  /** Closes the server and deletes its storage. */
  async dispose(): Promise<void> {
    await this.close()
    if (this.storage) await removeTestStorage(this.storage)
  }

  #request(message: (id: number) => ParentMessage): Promise<ChildMessage> {
    const child = this.#child
    if (!child) return Promise.reject(new Error('server not running'))
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer from the server in ${REQUEST_TIMEOUT_MS} ms`)),
        REQUEST_TIMEOUT_MS,
      )
      this.#pending.set(id, (reply) => {
        clearTimeout(timer)
        resolve(reply)
      })
      child.send(message(id))
    })
  }

  async #fork(port: number): Promise<void> {
    const args = [
      this.kind,
      String(port),
      ...(this.options.seedFile ? [this.options.seedFile] : []),
    ]
    const env = this.storage ? storageEnv(this.storage) : { ...process.env }
    const child = fork(ENTRY, args, {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx', '--expose-gc'],
      env: {
        LOG_LEVEL: 'silent',
        ...env,
        [SERVER_OPTIONS_ENV]: JSON.stringify(this.options.serverOptions ?? {}),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    this.#child = child
    this.#exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (text: string) => this.errorOutput.push(text))
    child.on('message', (raw) => {
      const message = ChildMessage.parse(raw)
      if (message.type === 'ready') return
      this.#pending.get(message.id)?.(message)
      this.#pending.delete(message.id)
    })
    this.listeningPort = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`server not ready in ${START_TIMEOUT_MS} ms`))
      }, START_TIMEOUT_MS)
      child.on('message', (raw) => {
        const message = ChildMessage.parse(raw)
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
    if (this.storage) await registerServerCredentials(this)
  }
}
