import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { CO_FACILITATORS, type ProposalRef } from '../../shared/draft/index.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { connectWithToken } from '../helpers/yClients.ts'
import { envInteger, type Benchmark, type BenchmarkReport } from './benchmark.ts'
import {
  MemorySampler,
  startBenchServer,
  type BenchServer,
  type ServerKind,
} from './benchServer.ts'
import { loadSequentialTrace, toTextOperations, type TextOperation } from './editingTrace.ts'
import type { FanOutChildMessage, FanOutParentMessage, FanOutTypist } from './fanOutProtocol.ts'
import { LatencyHistogram, percentiles } from './latencyHistogram.ts'

/**
 * Fan-out (DESIGN.md section 9): BENCH_FANOUT_CLIENTS (300) clients in the demo draft,
 * BENCH_FANOUT_TYPISTS (20) of them typing BENCH_FANOUT_RATE (5) keystrokes a second for
 * BENCH_FANOUT_SECONDS (10) s, each in a paragraph of its own proposed by its delegation (its
 * insertion mark on Draftroom; the co-facilitators `mex` and `che` propose as co-facilitators).
 * The keystrokes are insertions from the automerge-paper trace, typist i replaying the i-th
 * slice; the other clients listen at the socket (`socketListener.ts`; stock clients with
 * BENCH_FANOUT_DOC_LISTENERS=1). Clients are spread over BENCH_FANOUT_WORKERS (2) processes
 * (`fanOutWorker.ts`), the server is in a process of its own: latency is from an update leaving its typist to its arrival
 * at every other client (p50/p99 over every (update, client) pair, and per update to the last
 * client), server CPU time per keystroke and RSS. Draftroom (authentication and validation on)
 * and the reference y-websocket loop in the same run. Target: p99 under 50 ms on Draftroom.
 */

const TARGET_P99_MS = 50
const ACCOUNTS = ['fra', 'mar', 'phl', 'deu', 'bra', 'egy', 'mex', 'che']
const DELEGATION: Record<string, string> = {
  fra: 'FRA',
  mar: 'MAR',
  phl: 'PHL',
  deu: 'DEU',
  bra: 'BRA',
  egy: 'EGY',
  mex: CO_FACILITATORS,
  che: CO_FACILITATORS,
}
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fanOutWorker.ts')
const DRAIN_MS = 3_000

export interface FanOutOptions {
  clients: number
  typists: number
  rate: number
  seconds: number
  workers: number
  /** Whether the clients that do not type are stock clients with a Y.Doc (default: listeners). */
  docListeners: boolean
  /** BENCH_FANOUT_CARETS=1: each keystroke also moves the typist's caret, as in the editor. */
  carets: boolean
  /** BENCH_CPU_PROF: where to write the servers' CPU profiles of the typing, if anywhere. */
  cpuProfileDir: string | null
}

export const fanOutOptionsFromEnv = (): FanOutOptions => ({
  clients: envInteger('BENCH_FANOUT_CLIENTS', 300),
  typists: envInteger('BENCH_FANOUT_TYPISTS', 20),
  rate: envInteger('BENCH_FANOUT_RATE', 5),
  seconds: envInteger('BENCH_FANOUT_SECONDS', 10),
  workers: envInteger('BENCH_FANOUT_WORKERS', 2),
  docListeners: process.env.BENCH_FANOUT_DOC_LISTENERS === '1',
  carets: process.env.BENCH_FANOUT_CARETS === '1',
  cpuProfileDir: process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null,
})

interface FanOutResult {
  server: string
  updates: number
  deliveries: number
  missing: number
  latencyMs: { p50: number; p99: number; max: number }
  /** At the stock clients only: the typists, applying each other's updates to their Y.Doc. */
  appliedMs: { p50: number; p99: number; deliveries: number }
  toEveryClientMs: { p50: number; p99: number; max: number }
  serverCpuMicrosPerUpdate: number
  serverCpuShare: number
  serverRssMb: { startMb: number; peakMb: number; endMb: number }
  /** Server RSS once every client is connected, before typing, minus before any client. */
  connectRssMb: number
  /** Presence messages a listener received, on average, from connecting to the end. */
  presencePerListener: number
  /** CPU share of each client process while typing (1: one core busy). */
  clientCpuShares: number[]
  loadAverage: number
}

/** A worker process and a way to wait for its next message of a type. */
function startWorker(): Promise<{
  child: ChildProcess
  send: (message: FanOutParentMessage) => void
  next: <T extends FanOutChildMessage['type']>(
    type: T,
  ) => Promise<Extract<FanOutChildMessage, { type: T }>>
}> {
  const child = fork(WORKER, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const waiting = new Map<string, (message: FanOutChildMessage) => void>()
  const queued: FanOutChildMessage[] = []
  let failure: Error | null = null
  child.on('exit', (code) => {
    failure = new Error(`fan-out worker exited (${code})`)
    for (const reject of waiting.values()) reject({ type: 'ready' })
  })
  child.on('message', (raw) => {
    const message = raw as FanOutChildMessage
    const handler = waiting.get(message.type)
    if (handler) {
      waiting.delete(message.type)
      handler(message)
    } else queued.push(message)
  })
  const next = <T extends FanOutChildMessage['type']>(type: T) =>
    new Promise<Extract<FanOutChildMessage, { type: T }>>((resolve, reject) => {
      const at = queued.findIndex((m) => m.type === type)
      if (at >= 0) {
        resolve(queued.splice(at, 1)[0] as Extract<FanOutChildMessage, { type: T }>)
        return
      }
      if (failure) {
        reject(failure)
        return
      }
      waiting.set(type, (message) => {
        if (failure) reject(failure)
        else resolve(message as Extract<FanOutChildMessage, { type: T }>)
      })
    })
  const worker = { child, send: (message: FanOutParentMessage) => child.send(message), next }
  return next('ready').then(() => worker)
}

/** Insertions of the trace, one slice per typist. */
function typistOperations(options: FanOutOptions): TextOperation[][] {
  const perTypist = options.rate * options.seconds + 10
  const trace = loadSequentialTrace()
  const edits = trace.edits.slice(0, Math.min(trace.edits.length, perTypist * options.typists * 2))
  const inserts = toTextOperations(trace.startContent, edits).operations.filter(
    (op) => op.text.length > 0,
  )
  return Array.from({ length: options.typists }, (_, i) =>
    inserts.slice(i * perTypist, (i + 1) * perTypist).map((op) => ({ ...op, deleteLength: 0 })),
  )
}

async function tokensFor(url: string): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {}
  for (const account of ACCOUNTS) {
    tokens[account] = await (await ApiClient.signedIn(url, account)).createToken('bench')
  }
  return tokens
}

async function runServer(props: {
  kind: ServerKind
  options: FanOutOptions
  operations: TextOperation[][]
  seedFile: string
}): Promise<FanOutResult> {
  const { kind, options } = props
  const isDraftroom = kind === 'draftroom'
  const server: BenchServer = await startBenchServer({
    kind,
    ...(isDraftroom ? {} : { seedFile: props.seedFile }),
  })
  const memory = new MemorySampler(server)
  const workers: Awaited<ReturnType<typeof startWorker>>[] = []
  try {
    const tokens = isDraftroom ? await tokensFor(server.url) : {}
    if (isDraftroom) {
      // The demo draft, which the reference then serves.
      const probe = connectWithToken({
        baseUrl: server.url,
        negotiationId: 'pacte-mondial',
        token: tokens.fra!,
      })
      await probe.synced()
      fs.writeFileSync(props.seedFile, Y.encodeStateAsUpdate(probe.doc))
      probe.destroy()
      probe.doc.destroy()
    }
    const rssBefore = (await server.stats()).rss
    for (let w = 0; w < options.workers; w++) workers.push(await startWorker())
    // Clients dealt round robin to workers; typists are the first `typists` clients.
    const plans = workers.map(() => ({ accounts: [] as string[], typists: [] as FanOutTypist[] }))
    for (let c = 0; c < options.clients; c++) {
      const plan = plans[c % workers.length]!
      const account = ACCOUNTS[c % ACCOUNTS.length]!
      if (c < options.typists) {
        const ref: ProposalRef = { proposalId: `fanout-${c}`, delegation: DELEGATION[account]! }
        plan.typists.push({
          clientIndex: plan.accounts.length,
          ref,
          operations: props.operations[c]!,
        })
      }
      plan.accounts.push(account)
    }
    workers.forEach((worker, w) =>
      worker.send({
        type: 'connect',
        url: server.url,
        isDraftroom,
        tokens,
        docListeners: options.docListeners,
        ...plans[w]!,
      }),
    )
    await Promise.all(workers.map((w) => w.next('connected')))
    const connectRssMb = ((await server.stats()).rss - rssBefore) / (1024 * 1024)
    for (const worker of workers) worker.send({ type: 'propose' })
    const proposed = await Promise.all(workers.map((w) => w.next('proposed')))
    const clocks = Object.assign({}, ...proposed.map((p) => p.clocks)) as Record<string, number>
    const uids = plans.flatMap((plan) => plan.typists.map((t) => `${t.ref.proposalId}-p`))
    for (const worker of workers) worker.send({ type: 'waitForParagraphs', uids, clocks })
    await Promise.all(workers.map((w) => w.next('paragraphsEverywhere')))

    const loadAverage = os.loadavg()[0] ?? 0
    await memory.start()
    if (options.cpuProfileDir) await server.startProfile()
    const before = await server.stats()
    const wallStart = performance.now()
    const startAt = performance.timeOrigin + performance.now() + 300
    for (const worker of workers) {
      worker.send({
        type: 'type',
        carets: options.carets,
        startAt,
        durationMs: options.seconds * 1_000,
        rate: options.rate,
      })
    }
    const typed = await Promise.all(workers.map((w) => w.next('typed')))
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS))
    const after = await server.stats()
    const wallMicros = (performance.now() - wallStart) * 1_000
    if (options.cpuProfileDir) {
      fs.mkdirSync(options.cpuProfileDir, { recursive: true })
      await server.stopProfile(path.join(options.cpuProfileDir, `fanOut-${kind}.cpuprofile`))
    }
    await memory.stop()
    const sends: Record<string, number[]> = {}
    for (const t of typed) Object.assign(sends, t.sends)
    const updates = Object.values(sends).reduce((n, list) => n + list.length / 2, 0)
    for (const worker of workers) worker.send({ type: 'measure', sends })
    const measured = await Promise.all(workers.map((w) => w.next('measured')))
    const histogram = new LatencyHistogram()
    const applied = new LatencyHistogram()
    for (const m of measured) {
      histogram.merge(new LatencyHistogram(m.histogram))
      applied.merge(new LatencyHistogram(m.applied))
    }
    const toEveryClient: number[] = []
    for (const [id, list] of Object.entries(sends)) {
      for (let k = 0; k < list.length; k += 2) {
        const last = Math.max(...measured.map((m) => m.lastArrival[id]?.[k / 2] ?? 0))
        toEveryClient.push(last - list[k + 1]!)
      }
    }
    return {
      server: isDraftroom ? 'Draftroom (auth + validation on)' : 'reference y-websocket loop',
      updates,
      deliveries: histogram.total,
      missing: measured.reduce((n, m) => n + m.missing, 0),
      latencyMs: {
        p50: histogram.quantile(0.5),
        p99: histogram.quantile(0.99),
        max: histogram.quantile(1),
      },
      appliedMs: {
        p50: applied.quantile(0.5),
        p99: applied.quantile(0.99),
        deliveries: applied.total,
      },
      toEveryClientMs: percentiles(toEveryClient),
      serverCpuMicrosPerUpdate: (after.cpuMicros - before.cpuMicros) / updates,
      serverCpuShare: (after.cpuMicros - before.cpuMicros) / wallMicros,
      serverRssMb: memory.summary(),
      connectRssMb,
      clientCpuShares: typed.map((t) => t.cpuShare),
      presencePerListener:
        measured.reduce((n, m) => n + m.presence.messages, 0) /
        Math.max(
          1,
          measured.reduce((n, m) => n + m.presence.listeners, 0),
        ),
      loadAverage,
    }
  } finally {
    await memory.stop()
    for (const worker of workers) {
      worker.send({ type: 'close' })
      await new Promise((resolve) => {
        if (worker.child.exitCode !== null) resolve(null)
        else worker.child.once('exit', resolve)
      })
    }
    await server.dispose()
  }
}

const fixed = (value: number, digits = 1) => value.toFixed(digits)

export async function runFanOut(options = fanOutOptionsFromEnv()): Promise<BenchmarkReport> {
  console.log(
    `fan-out: ${options.clients} clients over ${options.workers} processes, ${options.typists} ` +
      `typing ${options.rate} keystrokes/s for ${options.seconds} s` +
      (options.carets ? ', each keystroke moving a caret' : ''),
  )
  const operations = typistOperations(options)
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftroom-fanout-'))
  const seedFile = path.join(seedDir, 'demo-draft.bin')
  const results: FanOutResult[] = []
  try {
    for (const kind of ['draftroom', 'reference'] as const) {
      const result = await runServer({ kind, options, operations, seedFile })
      console.log(
        `  ${result.server}: p50 ${fixed(result.latencyMs.p50)} ms, p99 ` +
          `${fixed(result.latencyMs.p99)} ms, ${fixed(result.serverCpuMicrosPerUpdate, 0)} µs ` +
          'of server CPU per keystroke',
      )
      results.push(result)
    }
  } finally {
    fs.rmSync(seedDir, { recursive: true, force: true })
  }
  const [draftroom, reference] = results as [FanOutResult, FanOutResult]
  const ratio = (a: number, b: number) => `x${fixed(a / b, 2)}`
  return {
    title:
      `Fan-out: ${options.clients} clients, ${options.typists} typing ${options.rate}/s ` +
      `for ${options.seconds} s${options.carets ? ', with carets' : ''} (fanOut.ts)`,
    columns: [
      'server',
      'keystrokes',
      'deliveries',
      'missing',
      'p50 ms',
      'p99 ms',
      'max ms',
      'p99 to all ms',
      'applied p50 / p99 ms',
      'server µs/key',
      'server CPU',
      'RSS MB start/peak',
      'RSS MB for clients',
      'client processes CPU',
      'presence msgs per listener',
    ],
    rows: results.map((r) => [
      r.server,
      r.updates,
      r.deliveries,
      r.missing,
      fixed(r.latencyMs.p50),
      fixed(r.latencyMs.p99),
      fixed(r.latencyMs.max),
      fixed(r.toEveryClientMs.p99),
      `${fixed(r.appliedMs.p50)} / ${fixed(r.appliedMs.p99)}`,
      fixed(r.serverCpuMicrosPerUpdate, 0),
      `${fixed(r.serverCpuShare * 100, 0)}%`,
      `${r.serverRssMb.startMb} / ${r.serverRssMb.peakMb}`,
      fixed(r.connectRssMb),
      r.clientCpuShares.map((share) => `${fixed(share * 100, 0)}%`).join(' / '),
      fixed(r.presencePerListener, 0),
    ]),
    notes: [
      `Draftroom p99 ${fixed(draftroom.latencyMs.p99)} ms, target < ${TARGET_P99_MS} ms: ` +
        `${draftroom.latencyMs.p99 < TARGET_P99_MS && draftroom.missing === 0 ? 'met' : 'NOT met'}`,
      `Draftroom / reference: p50 ${ratio(draftroom.latencyMs.p50, reference.latencyMs.p50)}, ` +
        `p99 ${ratio(draftroom.latencyMs.p99, reference.latencyMs.p99)}, server CPU per ` +
        `keystroke ${ratio(draftroom.serverCpuMicrosPerUpdate, reference.serverCpuMicrosPerUpdate)}`,
      'latency: an update leaving its typist (epoch time in its process) to its arrival at each ' +
        'other client (in another process or the same); "to all": to the last client; ' +
        (options.docListeners
          ? 'every client is a stock y-websocket client with a Y.Doc (arrival: applied)'
          : `the ${options.clients - options.typists} clients that do not type are socket ` +
            'listeners (arrival: at the socket, see socketListener.ts; BENCH_FANOUT_DOC_LISTENERS=1 ' +
            'makes them stock clients); "applied": at the typists, stock clients applying each ' +
            "other's updates to their Y.Doc"),
      'server µs/key: server process CPU time over the typing and a 3 s drain, per keystroke ' +
        '(each keystroke is one update, relayed to every other client)',
      'client processes CPU: each worker of clients while typing; near 100% the clients, not ' +
        'the server, are the bottleneck and the latencies are theirs (queued in their loop)',
      `load average (1 min) when typing started: ${results
        .map((r) => `${r.server} ${fixed(r.loadAverage)}`)
        .join(', ')} on ${os.cpus().length} cores; the client processes share them`,
    ],
    results: { options, servers: results },
  }
}

export const fanOut: Benchmark = { name: 'fanOut', run: () => runFanOut() }
