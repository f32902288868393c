import { Worker } from 'node:worker_threads'
import type { Logger } from '../../logger.ts'
import type { ImportJob, ImportWorkerReply } from './importWorker.ts'
import { IMPORT_WORKER_HEAP_MB, MAX_RUNNING_IMPORTS } from './limits.ts'

const WORKER_ENTRY = new URL('./importWorkerEntry.mjs', import.meta.url)

/** How an import ended: read (or refused) by its worker, stopped, or not started. */
export type ImportOutcome =
  | ImportWorkerReply
  | { status: 'timedOut'; limitMs: number }
  | { status: 'outOfMemory' }
  | { status: 'busy' }

interface ImportWorkersOptions {
  /** How long one import may take, the worker's start included. */
  timeoutMs: number
  logger: Logger
}

const isOutOfMemory = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY'

/**
 * Reads uploaded revision files off the event loop: each import in a worker thread of its own,
 * terminated when it answers or at its time limit, so that no file holds the server. One worker
 * per import keeps a stopped import from leaving anything behind; starting one costs about half
 * a second (the TypeScript loader), small beside an import. At most MAX_RUNNING_IMPORTS run at
 * once; more are turned away rather than queued.
 */
export class ImportWorkers {
  private readonly running = new Set<Worker>()

  constructor(private readonly options: ImportWorkersOptions) {}

  /**
   * Reads a .docx or text file into a draft (or, for `amendments`, a .docx's tracked changes),
   * in a worker, within the time limit.
   */
  async run(bytes: Uint8Array, kind: ImportJob['kind'] = 'revision'): Promise<ImportOutcome> {
    if (this.running.size >= MAX_RUNNING_IMPORTS) {
      this.options.logger.warn({ running: this.running.size }, 'import turned away: busy')
      return { status: 'busy' }
    }
    const worker = new Worker(WORKER_ENTRY, {
      workerData: { kind, bytes } satisfies ImportJob,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_WORKER_HEAP_MB },
    })
    this.running.add(worker)
    try {
      const outcome = await this.outcomeOf(worker)
      if (outcome.status === 'timedOut' || outcome.status === 'outOfMemory') {
        this.options.logger.warn({ bytes: bytes.byteLength, outcome }, 'import stopped')
      }
      return outcome
    } finally {
      this.running.delete(worker)
      await worker.terminate()
    }
  }

  /** Stops the imports still running (at shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.running].map((worker) => worker.terminate()))
  }

  private outcomeOf(worker: Worker): Promise<ImportOutcome> {
    const { timeoutMs } = this.options
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve({ status: 'timedOut', limitMs: timeoutMs }), timeoutMs)
      const settle = () => clearTimeout(timer)
      worker.once('message', (reply: ImportWorkerReply) => {
        settle()
        resolve(reply)
      })
      worker.once('error', (error) => {
        settle()
        if (isOutOfMemory(error)) resolve({ status: 'outOfMemory' })
        else reject(error)
      })
      // After a message or an error this changes nothing: a promise settles once.
      worker.once('exit', (code) => {
        settle()
        reject(new Error(`The import worker exited (code ${code}) without answering`))
      })
    })
  }
}
