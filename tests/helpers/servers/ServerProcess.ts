import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { registerServerCredentials } from '../testCredentials.ts'
import { ListeningServer } from './address.ts'
import { createTestStorage, removeTestStorage, storageEnv, type TestStorage } from './storage.ts'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 15_000

/** One JSON line the server process logged (pino). */
export interface LogLine {
  msg?: string
  level?: number
  [field: string]: unknown
}

const liveChildren = new Set<ChildProcess>()
// A test that fails half-way must not leave a server running behind the test run.
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL')
})

/** The server as its own process (`node --import tsx server/main.ts`), to kill and restart. */
export class ServerProcess extends ListeningServer {
  /** Every log line of every run, in order; `runs` tells them apart. */
  readonly logs: (LogLine & { run: number })[] = []
  /** Output that was not a JSON line (stack traces, warnings). */
  readonly otherOutput: string[] = []
  #child: ChildProcess | null = null
  #exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null
  #run = 0

  private constructor(
    readonly storage: TestStorage,
    private readonly env: Record<string, string>,
  ) {
    super()
  }

  /**
   * Spawns the server on port 0 (or `port`) on new storage unless `storage` is given.
   * It logs at debug level (room loads and unloads) unless `env` says otherwise; the level must
   * include info, where the server says it is listening.
   */
  static async start(
    options: { storage?: TestStorage; port?: number; env?: Record<string, string> } = {},
  ): Promise<ServerProcess> {
    const server = new ServerProcess(
      options.storage ?? (await createTestStorage('draftroom-collab-')),
      {
        LOG_LEVEL: 'debug',
        ...options.env,
      },
    )
    await server.#spawn(options.port ?? 0)
    return server
  }

  get dataDir(): string {
    return this.storage.dataDir
  }
  get isRunning(): boolean {
    return this.#child !== null
  }
  /** The process id of the current run (null when stopped): to read its CPU time. */
  get pid(): number | null {
    return this.#child?.pid ?? null
  }
  /** How many times the process has been started. */
  get runs(): number {
    return this.#run
  }

  async #spawn(port: number): Promise<void> {
    const run = ++this.#run
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...storageEnv(this.storage, { ...process.env, ...this.env }), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    liveChildren.add(child)
    this.#child = child
    this.#exit = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        liveChildren.delete(child)
        resolve({ code, signal })
      })
    })
    const exited = this.#exit
    const listening = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server not listening after ${START_TIMEOUT_MS} ms${this.#tail()}`)),
        START_TIMEOUT_MS,
      )
      this.#readLines(child, run, (line) => {
        if (line.msg === 'listening' && typeof line.port === 'number') {
          clearTimeout(timer)
          resolve(line.port)
        }
      })
      void exited.then(({ code, signal }) => {
        clearTimeout(timer)
        reject(
          new Error(
            `server exited (code ${code}, signal ${signal}) before listening${this.#tail()}`,
          ),
        )
      })
    })
    try {
      this.listeningPort = await listening
      await registerServerCredentials(this)
    } catch (error) {
      child.kill('SIGKILL')
      this.#child = null
      throw error
    }
  }

  #readLines(child: ChildProcess, run: number, onLine: (line: LogLine) => void): void {
    const split = (stream: NodeJS.ReadableStream | null, handle: (text: string) => void) => {
      let pending = ''
      stream?.setEncoding('utf8')
      stream?.on('data', (chunk: string) => {
        pending += chunk
        let newline: number
        while ((newline = pending.indexOf('\n')) >= 0) {
          handle(pending.slice(0, newline))
          pending = pending.slice(newline + 1)
        }
      })
    }
    split(child.stdout, (text) => {
      const line = parseLogLine(text)
      if (line === null) {
        if (text.trim() !== '') this.otherOutput.push(text)
        return
      }
      this.logs.push({ ...line, run })
      onLine(line)
    })
    split(child.stderr, (text) => {
      if (text.trim() !== '') this.otherOutput.push(text)
    })
  }

  #tail(): string {
    const lines = [
      ...this.logs.slice(-10).map((line) => JSON.stringify(line)),
      ...this.otherOutput.slice(-20),
    ]
    return lines.length === 0 ? '' : `\n${lines.join('\n')}`
  }

  async #signal(
    signal: NodeJS.Signals,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.#child
    const exit = this.#exit
    if (!child || !exit) throw new Error('server process is not running')
    child.kill(signal)
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`server still running ${STOP_TIMEOUT_MS} ms after ${signal}`)),
        STOP_TIMEOUT_MS,
      ).unref(),
    )
    try {
      return await Promise.race([exit, timeout])
    } finally {
      this.#child = null
    }
  }

  /** SIGSTOP: the process stalls (a long pause, a frozen machine) until `resume`. */
  suspend(): void {
    this.#child?.kill('SIGSTOP')
  }

  /** SIGCONT: a suspended process carries on where it stopped. */
  resume(): void {
    this.#child?.kill('SIGCONT')
  }

  /** SIGKILL: the process dies at once, whatever it was doing. */
  async kill(): Promise<void> {
    await this.#signal('SIGKILL')
  }

  /** SIGTERM, then waits for the process to exit; resolves with its exit code. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.#signal('SIGTERM')
  }

  /**
   * Starts again on the same storage. By default on the same port, so that connected
   * clients reconnect by themselves; `port: 0` keeps them away from the new process.
   */
  async restart(options: { port?: number } = {}): Promise<void> {
    if (this.#child) await this.stop()
    await this.#spawn(options.port ?? this.listeningPort)
  }

  /** A mark in the logs, to wait for a line logged after it. */
  logMark(): number {
    return this.logs.length
  }

  /** Polls the logs of the current run (after `after`, a `logMark()`) until one matches. */
  async waitForLog(
    predicate: (line: LogLine) => boolean,
    { timeoutMs = 5_000, after = 0 }: { timeoutMs?: number; after?: number } = {},
  ): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.logs.slice(after).find((line) => line.run === this.#run && predicate(line))
      if (found) return found
      if (Date.now() > deadline) {
        throw new Error(`no such log line within ${timeoutMs} ms${this.#tail()}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  /** Stops the process if it runs (SIGKILL: teardown need not be graceful) and deletes the data. */
  async dispose(): Promise<void> {
    if (this.#child) await this.kill()
    await removeTestStorage(this.storage)
  }
}

function parseLogLine(text: string): LogLine | null {
  if (!text.startsWith('{')) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as LogLine)
      : null
  } catch {
    return null
  }
}
