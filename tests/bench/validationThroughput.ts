import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import {
  CO_FACILITATORS,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  type ProposalRef,
} from '../../shared/proposals.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { blockByUid, connectClient, eventually, textOf } from '../helpers/wsClients.ts'
import { envInteger, sleep, type Benchmark, type BenchmarkReport } from './benchmark.ts'
import { forkServer, type ChildServer, type ServerKind } from './childServer.ts'
import { DeliveryTracker, type LatencySummary } from './deliveryTracker.ts'
import { loadSequentialTrace, toTextOperations, type TextOperation } from './editingTrace.ts'

/**
 * The validation benchmark of the tracked-proposals issue (DESIGN.md sections 3 and 9): one
 * delegation types a real trace (automerge-paper) as its proposal, a new paragraph, through the
 * real server, while 50 stock y-websocket clients watch the same room. Measured:
 *
 * - latency, update leaving the typist -> applied by each other client, at a realistic pace
 *   (the "paced" phase: one keystroke per update, a fixed rate);
 * - throughput, updates per second the server commits and broadcasts to all 50 clients, with
 *   the typist keeping a window of updates in flight (the "flood" phase, a few keystrokes per
 *   update), and the server's CPU time per update;
 * - the server process's memory (it runs as a child process: its CPU and memory are its own).
 *
 * Three servers: Draftroom with the typist as FRA (validation on: shadow apply and the
 * delegation's judge); Draftroom with the typist as the co-facilitator `che` (the same shadow
 * apply, a trivial judge); the plain y-websocket loop (`referenceServer.ts`: no validation, no
 * storage, no auth). At the end every client, and one that joins afterwards, must hold exactly
 * the text the trace produces.
 */

const NEGOTIATION_ID = 'pacte-mondial'
/** The paragraph after which the typist proposes its new one. */
const ANCHOR_PARAGRAPH = 'p-01'
const RECEIVER_ACCOUNTS = ['mar', 'phl', 'deu', 'bra', 'egy', 'iom', 'mex']
const DELIVERY_TIMEOUT_MS = 60_000
const MEMORY_SAMPLE_MS = 250
const MB = 1024 * 1024

export interface ValidationThroughputOptions {
  /** Edits of the trace replayed (its first ones). */
  edits: number
  /** Clients watching the room besides the typist. */
  receivers: number
  /** Edits typed one per update at `pacedRate` first (latency). */
  pacedEdits: number
  /** Updates per second of the paced phase. */
  pacedRate: number
  /** Keystrokes per update in the flood phase (throughput). */
  floodBatch: number
  /** Updates in flight (sent, not yet at every client) in the flood phase. */
  floodWindow: number
  /** Where the server processes write CPU profiles (`node --cpu-prof`), if anywhere. */
  cpuProfileDir: string | null
}

export const optionsFromEnv = (): ValidationThroughputOptions => ({
  edits: envInteger('BENCH_EDITS', 20_000),
  receivers: envInteger('BENCH_CLIENTS', 50),
  pacedEdits: envInteger('BENCH_PACED_EDITS', 2_000),
  pacedRate: envInteger('BENCH_PACED_RATE', 100),
  floodBatch: envInteger('BENCH_BATCH', 4),
  floodWindow: envInteger('BENCH_WINDOW', 16),
  cpuProfileDir: process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null,
})

interface Variant {
  name: string
  label: string
  server: ServerKind
  /** The demo account that types (none on the reference, which has no accounts). */
  typist: string | null
  proposer: string
}

const VARIANTS: Variant[] = [
  {
    name: 'on',
    label: 'Draftroom, FRA (validation on)',
    server: 'draftroom',
    typist: 'fra',
    proposer: 'FRA',
  },
  {
    name: 'che',
    label: 'Draftroom, che (trivial judge)',
    server: 'draftroom',
    typist: 'che',
    proposer: CO_FACILITATORS,
  },
  {
    name: 'reference',
    label: 'reference y-websocket loop',
    server: 'reference',
    typist: null,
    proposer: 'FRA',
  },
]

interface PhaseResult {
  updates: number
  keystrokesPerUpdate: number
  updatesPerSecond: number
  keystrokesPerSecond: number
  seconds: number
  /** Every (update, client) delivery. */
  latencyMs: LatencySummary
  /** Each update reaching the last of the clients. */
  toEveryClientMs: LatencySummary
  serverCpuMicrosPerUpdate: number
  /** Server CPU time / wall time of the phase (1 = one core busy). */
  serverCpuShare: number
  /** CPU time / wall time of this process, the typist and the receiving clients. */
  clientCpuShare: number
}

export interface VariantResult {
  name: string
  label: string
  paced: PhaseResult & { offeredUpdatesPerSecond: number }
  flood: PhaseResult & { window: number }
  memory: { serverRssStartMb: number; serverRssPeakMb: number; serverRssEndMb: number }
  verification: { clients: number; textLength: number; refusals: string[] }
}

/** One server, one typist, `receivers` clients: the trace replayed, measured and checked. */
async function runVariant(props: {
  variant: Variant
  options: ValidationThroughputOptions
  plan: TextOperation[][]
  pacedUpdates: number
  finalText: string
  seedFile: string
}): Promise<VariantResult> {
  const { variant, options, plan, pacedUpdates, finalText } = props
  const server = await forkServer({
    kind: variant.server,
    ...(variant.server === 'reference' ? { seedFile: props.seedFile } : {}),
    ...(options.cpuProfileDir
      ? { cpuProfile: { dir: options.cpuProfileDir, name: `server-${variant.name}` } }
      : {}),
  })
  const clients: ReturnType<typeof connectClient>[] = []
  const memory = new MemorySampler(server)
  try {
    const tokens = await tokensFor(server, variant)
    const connect = (account: string | null, isDraftroomClient = false) => {
      const client = connectClient({
        baseUrl: server.url,
        negotiationId: NEGOTIATION_ID,
        token: account ? (tokens.get(account) ?? '') : 'none',
        isDraftroomClient,
      })
      clients.push(client)
      return client
    }
    // The typist is a Draftroom client, so that a refusal would come back as a notice.
    const typist = connect(variant.typist, variant.server === 'draftroom')
    const receivers = Array.from({ length: options.receivers }, (_, i) =>
      connect(
        variant.server === 'draftroom' ? RECEIVER_ACCOUNTS[i % RECEIVER_ACCOUNTS.length]! : null,
      ),
    )
    await Promise.all(clients.map((client) => client.synced))
    if (!fs.existsSync(props.seedFile)) {
      fs.writeFileSync(props.seedFile, Y.encodeStateAsUpdate(typist.doc))
    }

    const ref = { proposalId: `bench-${variant.name}-proposal`, delegation: variant.proposer }
    const uid = `bench-${variant.name}`
    const text = proposeParagraph(typist.doc, uid, ref)
    await eventually(() => {
      for (const receiver of receivers) {
        blockByUid(receiver.doc, uid)
        // Draftroom's proposal record, the server's own update, must be in before counting.
        if (variant.server === 'draftroom' && !receiver.doc.getMap('proposals').has(ref.proposalId))
          throw new Error('no record yet')
      }
    }, 20_000)

    const tracker = new DeliveryTracker(plan.length, receivers.length)
    receivers.forEach((receiver, index) =>
      countUpdatesFrom(receiver.doc, typist.doc.clientID, () =>
        tracker.markArrived(index, performance.now()),
      ),
    )
    const attributes = { [INSERTION_MARK]: ref }
    const send = (update: number) => {
      typist.doc.transact(() => {
        for (const { index, deleteLength, text: inserted } of plan[update]!) {
          if (deleteLength > 0) text.delete(index, deleteLength)
          if (inserted) text.insert(index, inserted, attributes)
        }
      })
      tracker.markSent(update, performance.now())
    }
    await memory.start()

    const paced = await measurePhase(server, tracker, 0, pacedUpdates, 1, async () => {
      const start = performance.now()
      for (let k = 0; k < pacedUpdates; k++) {
        const wait = start + (k * 1_000) / options.pacedRate - performance.now()
        if (wait > 1) await sleep(wait)
        send(k)
      }
      await tracker.whenDelivered(pacedUpdates, DELIVERY_TIMEOUT_MS)
    })
    const flood = await measurePhase(
      server,
      tracker,
      pacedUpdates,
      plan.length,
      options.floodBatch,
      async () => {
        for (let k = pacedUpdates; k < plan.length; k++) {
          if (k - tracker.deliveredToAll >= options.floodWindow) {
            await tracker.whenDelivered(k - options.floodWindow + 1, DELIVERY_TIMEOUT_MS)
          }
          send(k)
        }
        await tracker.whenDelivered(plan.length, DELIVERY_TIMEOUT_MS)
      },
    )
    await memory.stop()

    // Correctness: every client, and one that joins now (the server's state), has the text.
    const latecomer = connect(variant.server === 'draftroom' ? RECEIVER_ACCOUNTS[0]! : null)
    await latecomer.synced
    for (const [index, client] of [typist, ...receivers, latecomer].entries()) {
      expectProposedText(client.doc, uid, ref, finalText, `client ${index}`)
    }
    const refusals = typist.notices.map((notice) => `${notice.code}: ${notice.message}`)
    if (refusals.length > 0) throw new Error(`the server refused: ${refusals.join('; ')}`)

    return {
      name: variant.name,
      label: variant.label,
      paced: { ...paced, offeredUpdatesPerSecond: options.pacedRate },
      flood: { ...flood, window: options.floodWindow },
      memory: memory.summary(),
      verification: { clients: receivers.length + 2, textLength: finalText.length, refusals },
    }
  } finally {
    await memory.stop()
    for (const client of clients) client.destroy()
    await server.close()
  }
}

/** Runs one phase (`drive` sends updates `[from, to)` and waits for them) and measures it. */
async function measurePhase(
  server: ChildServer,
  tracker: DeliveryTracker,
  from: number,
  to: number,
  keystrokesPerUpdate: number,
  drive: () => Promise<void>,
): Promise<PhaseResult> {
  const before = await server.stats()
  const clientCpuBefore = process.cpuUsage()
  const wallStart = performance.now()
  const bookmark = tracker.recordedLatencies
  await drive()
  const wallMicros = (performance.now() - wallStart) * 1_000
  const clientCpu = process.cpuUsage(clientCpuBefore)
  const after = await server.stats()
  const serverCpuMicros = after.cpuMicros - before.cpuMicros
  const { updatesPerSecond, seconds } = tracker.throughput(from, to)
  return {
    updates: to - from,
    keystrokesPerUpdate,
    updatesPerSecond,
    keystrokesPerSecond: updatesPerSecond * keystrokesPerUpdate,
    seconds,
    latencyMs: tracker.deliveryLatency(bookmark, tracker.recordedLatencies),
    toEveryClientMs: tracker.everyoneLatency(from, to),
    serverCpuMicrosPerUpdate: serverCpuMicros / (to - from),
    serverCpuShare: serverCpuMicros / wallMicros,
    clientCpuShare: (clientCpu.user + clientCpu.system) / wallMicros,
  }
}

/**
 * Calls `handleUpdate` for each update a client applies that comes from the typist (it adds or
 * deletes the typist's items); the server's own updates, such as a proposal record, are not
 * counted.
 */
function countUpdatesFrom(doc: Y.Doc, typistId: number, handleUpdate: () => void): void {
  doc.on('update', (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    const isFromTypist =
      tr.afterState.get(typistId) !== tr.beforeState.get(typistId) ||
      tr.deleteSet.clients.has(typistId)
    if (isFromTypist) handleUpdate()
  })
}

/** Adds the typist's new paragraph, proposed whole, after the anchor; returns its text. */
function proposeParagraph(doc: Y.Doc, uid: string, ref: ProposalRef): Y.XmlText {
  const anchor = blockByUid(doc, ANCHOR_PARAGRAPH)
  const parent = anchor.parent
  if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) {
    throw new Error(`${ANCHOR_PARAGRAPH} has no parent block`)
  }
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.setAttribute('uid', uid)
  // An object, as y-prosemirror stores a node's attrs; Yjs's types assume string attributes.
  paragraph.setAttribute(INSERTED_BY_ATTR, ref as unknown as string)
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  parent.insert(parent.toArray().indexOf(anchor) + 1, [paragraph])
  return text
}

function expectProposedText(
  doc: Y.Doc,
  uid: string,
  ref: ProposalRef,
  expected: string,
  who: string,
): void {
  const delta = textOf(blockByUid(doc, uid)).toDelta() as {
    insert: unknown
    attributes?: Record<string, unknown>
  }[]
  const actual = delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
  if (actual !== expected) {
    const at = [...actual].findIndex((char, i) => char !== expected[i])
    throw new Error(
      `${who}: text differs from the trace's (length ${actual.length}, expected ` +
        `${expected.length}, first difference at ${at})`,
    )
  }
  const isMarked = delta.every(
    (op) => JSON.stringify(op.attributes) === JSON.stringify({ [INSERTION_MARK]: ref }),
  )
  if (!isMarked) throw new Error(`${who}: some text is not marked as the typist's proposal`)
}

/** Signs in the typist and the receivers' accounts and makes each an API token. */
async function tokensFor(server: ChildServer, variant: Variant): Promise<Map<string, string>> {
  const tokens = new Map<string, string>()
  if (variant.server !== 'draftroom') return tokens
  const accounts = [...new Set([...(variant.typist ? [variant.typist] : []), ...RECEIVER_ACCOUNTS])]
  for (const account of accounts) {
    const client = await ApiClient.signedIn(server.url, account)
    tokens.set(account, await client.createToken('bench'))
  }
  return tokens
}

/** Samples the server process's RSS while the replay runs. */
class MemorySampler {
  private timer: NodeJS.Timeout | null = null
  private samples: number[] = []
  private pending: Promise<void> = Promise.resolve()

  constructor(private readonly server: ChildServer) {}

  async start(): Promise<void> {
    await this.sample()
    this.timer = setInterval(() => {
      this.pending = this.pending.then(() => this.sample())
    }, MEMORY_SAMPLE_MS)
  }

  async stop(): Promise<void> {
    if (!this.timer) return
    clearInterval(this.timer)
    this.timer = null
    await this.pending
    await this.sample()
  }

  summary() {
    const mb = (bytes: number) => round(bytes / MB, 1)
    return {
      serverRssStartMb: mb(this.samples[0] ?? 0),
      serverRssPeakMb: mb(Math.max(...this.samples)),
      serverRssEndMb: mb(this.samples[this.samples.length - 1] ?? 0),
    }
  }

  private async sample(): Promise<void> {
    this.samples.push((await this.server.stats()).rss)
  }
}

const round = (value: number, digits = 0) => Number(value.toFixed(digits))

/** Splits the operations into updates: `pacedEdits` single ones, then batches of `batch`. */
function planUpdates(
  operations: TextOperation[],
  pacedEdits: number,
  batch: number,
): { plan: TextOperation[][]; pacedUpdates: number } {
  const paced = operations.slice(0, pacedEdits).map((operation) => [operation])
  const flood: TextOperation[][] = []
  for (let i = pacedEdits; i < operations.length; i += batch) {
    flood.push(operations.slice(i, i + batch))
  }
  return { plan: [...paced, ...flood], pacedUpdates: paced.length }
}

/** Runs the benchmark and presents its results. */
export async function runValidationThroughput(
  options: ValidationThroughputOptions = optionsFromEnv(),
): Promise<BenchmarkReport> {
  const trace = loadSequentialTrace()
  const edits = trace.edits.slice(0, options.edits)
  const { operations, finalText } = toTextOperations(trace.startContent, edits)
  const pacedEdits = Math.min(options.pacedEdits, Math.floor(edits.length / 2))
  const { plan, pacedUpdates } = planUpdates(operations, pacedEdits, options.floodBatch)
  if (options.cpuProfileDir) fs.mkdirSync(options.cpuProfileDir, { recursive: true })
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftroom-bench-'))
  // The demo draft as the first Draftroom server serves it, for the reference to serve too.
  const seedFile = path.join(seedDir, 'demo-draft.bin')
  console.log(
    `validation throughput: ${edits.length} edits of ${trace.edits.length}, ` +
      `${options.receivers} clients; paced: ${pacedUpdates} updates at ${options.pacedRate}/s; ` +
      `flood: ${plan.length - pacedUpdates} updates of ${options.floodBatch} keystrokes, ` +
      `window ${options.floodWindow}`,
  )
  const results: VariantResult[] = []
  try {
    for (const variant of VARIANTS) {
      const started = performance.now()
      const result = await runVariant({ variant, options, plan, pacedUpdates, finalText, seedFile })
      console.log(
        `  ${variant.label}: ${round(result.flood.updatesPerSecond)} updates/s, ` +
          `paced p99 ${round(result.paced.latencyMs.p99, 1)} ms ` +
          `(${round((performance.now() - started) / 1_000, 1)} s)`,
      )
      results.push(result)
    }
  } finally {
    fs.rmSync(seedDir, { recursive: true, force: true })
  }
  return present(results, options, edits.length)
}

function present(
  results: VariantResult[],
  options: ValidationThroughputOptions,
  edits: number,
): BenchmarkReport {
  const byName = new Map(results.map((result) => [result.name, result]))
  const on = byName.get('on')
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b ? round(a / b, 2) : NaN
  const ratios = ['che', 'reference'].map((name) => {
    const off = byName.get(name)
    return {
      against: name,
      throughput: ratio(on?.flood.updatesPerSecond, off?.flood.updatesPerSecond),
      // Capacity: updates a fully busy server core would pass, 1 / (CPU time per update).
      serverCapacity: ratio(
        off?.flood.serverCpuMicrosPerUpdate,
        on?.flood.serverCpuMicrosPerUpdate,
      ),
      pacedP99: ratio(on?.paced.latencyMs.p99, off?.paced.latencyMs.p99),
    }
  })
  const isMet = (value: number) => (value >= 2 / 3 ? 'met' : 'NOT met')
  return {
    title: `Validation throughput: automerge-paper, first ${edits} edits, ${options.receivers} clients`,
    columns: [
      'server',
      'updates/s',
      'keys/s',
      'server µs/update',
      'server CPU',
      'client CPU',
      'flood p50 ms',
      'flood p99 ms',
      'paced p50 ms',
      'paced p99 ms',
      'paced p99 all ms',
      'server RSS MB (start/peak)',
      'text',
    ],
    rows: results.map((r) => [
      r.label,
      round(r.flood.updatesPerSecond),
      round(r.flood.keystrokesPerSecond),
      round(r.flood.serverCpuMicrosPerUpdate),
      `${round(r.flood.serverCpuShare * 100)}%`,
      `${round(r.flood.clientCpuShare * 100)}%`,
      round(r.flood.latencyMs.p50, 1),
      round(r.flood.latencyMs.p99, 1),
      round(r.paced.latencyMs.p50, 1),
      round(r.paced.latencyMs.p99, 1),
      round(r.paced.toEveryClientMs.p99, 1),
      `${r.memory.serverRssStartMb} / ${r.memory.serverRssPeakMb}`,
      `ok (${r.verification.clients} clients)`,
    ]),
    notes: [
      ...ratios.map(
        (r) =>
          `validation on / ${r.against}: throughput ${r.throughput}, server capacity ` +
          `${r.serverCapacity} (target >= 0.67: ${isMet(r.throughput)} / ` +
          `${isMet(r.serverCapacity)}); paced p99 x${r.pacedP99}`,
      ),
      `flood: ${options.floodBatch} keystrokes per update, ${options.floodWindow} updates in ` +
        'flight; paced: 1 keystroke per update at ' +
        `${options.pacedRate} updates/s for the first ${Math.min(options.pacedEdits, Math.floor(edits / 2))} edits`,
      'server CPU: share of one core used by the server process during the flood; client CPU: ' +
        'the same for the process running the typist and the clients (near 100%: they set the pace)',
    ],
    results: { options, variants: results, ratios },
  }
}

export const validationThroughput: Benchmark = {
  name: 'validationThroughput',
  run: () => runValidationThroughput(),
}
