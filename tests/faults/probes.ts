import * as Y from 'yjs'
import { type YClient, blockByUid, blockText, insertText } from '../helpers/yClients.ts'
import { pause } from './seeds.ts'

/** The `p`th percentile (0-100) of `values`, nearest rank; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Measures in the background until stopped; `take()` hands over what was measured so far. */
abstract class BackgroundProbe<Sample> {
  #samples: Sample[] = []
  #loop: Promise<void> | null = null
  #isRunning = false

  protected abstract measure(): Promise<Sample>
  protected abstract readonly intervalMs: number

  get count(): number {
    return this.#samples.length
  }

  start(): void {
    if (this.#isRunning) return
    this.#isRunning = true
    this.#loop = (async () => {
      while (this.#isRunning) {
        this.#samples.push(await this.measure())
        await pause(this.intervalMs)
      }
    })()
  }

  async stop(): Promise<void> {
    this.#isRunning = false
    await this.#loop
    this.#loop = null
  }

  take(): Sample[] {
    return this.#samples.splice(0)
  }
}

/**
 * A healthy client's round trip, over and over: the writer types a character at the end of a
 * block, and the time until the reader has it (through the server) is one sample, in ms; a
 * round trip that does not complete within `timeoutMs` counts as `timeoutMs`.
 */
export class RoundTripProbe extends BackgroundProbe<number> {
  protected readonly intervalMs = 25

  constructor(
    private readonly writer: YClient,
    private readonly reader: YClient,
    private readonly blockUid: string,
    private readonly timeoutMs = 5_000,
  ) {
    super()
  }

  protected async measure(): Promise<number> {
    const { writer, reader } = this
    const block = blockByUid(writer.doc, this.blockUid)
    const started = performance.now()
    insertText(block, blockText(block).length, '·')
    const target = Y.getState(writer.doc.store, writer.doc.clientID)
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        reader.doc.off('update', check)
        resolve()
      }
      const check = () => {
        if (Y.getState(reader.doc.store, writer.doc.clientID) >= target) done()
      }
      const timer = setTimeout(done, this.timeoutMs)
      reader.doc.on('update', check)
      check()
    })
    return Math.min(performance.now() - started, this.timeoutMs)
  }
}

/** `GET /healthz` every 100 ms: a sample is null when it answered 200 in time, else what went wrong. */
export class HealthProbe extends BackgroundProbe<string | null> {
  protected readonly intervalMs = 100

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 2_000,
  ) {
    super()
  }

  protected async measure(): Promise<string | null> {
    try {
      const response = await fetch(`${this.url}/healthz`, {
        signal: AbortSignal.timeout(this.timeoutMs),
      })
      await response.arrayBuffer()
      return response.status === 200 ? null : `status ${response.status}`
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    }
  }
}
