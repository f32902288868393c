import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TRACES_DIR } from './editingTrace.ts'
import * as Y from 'yjs'
import { ApiClient } from '../helpers/accounts.ts'
import {
  type YClient,
  blockByUid,
  connectWithToken,
  eventually,
  textOf,
} from '../helpers/yClients.ts'
import { envInteger, type Benchmark, type BenchmarkReport } from './benchmark.ts'
import { startBenchServer, type BenchServer } from './benchServer.ts'
import {
  AgentView,
  deletedKeys,
  loadConcurrentTrace,
  plainText,
  replayInProcess,
  type ConcurrentTrace,
  type TxnRecord,
} from './concurrentTrace.ts'

/**
 * Concurrent replay: the clownschool (3 agents) and friendsforever (2 agents) traces replayed
 * through the server, one stock y-websocket client per agent (co-facilitators' tokens, plain
 * text), all typing into one new paragraph. An agent makes a transaction only once its client
 * has received every transaction it was made on (state vector entries and deletions the
 * authors recorded), at the positions of the text as the agent saw it (see concurrentTrace.ts).
 * At the end every client, and a fresh one, must hold the expected text: the trace's
 * endContent for a whole trace, else the same slice replayed in process without a server.
 * BENCH_REPLAY_TXNS (default: all, about 30 s in all) first transactions of each trace; the
 * same against the reference.
 */

const TRACES = ['clownschool', 'friendsforever'].map((name) =>
  path.join(TRACES_DIR, `${name}.json.gz`),
)
const NEGOTIATION_ID = 'pacte-mondial'
const ANCHOR_PARAGRAPH = 'p-01'
const ACCOUNTS = ['che', 'mex']
const STALL_MS = 30_000
/** BENCH_CPU_PROF: where to write the servers' CPU profiles of each replay, if anywhere. */
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null
/** The default of BENCH_REPLAY_TXNS: both traces whole (23,136 and 26,078 transactions). */
const WHOLE_TRACES = 1_000_000

type Client = YClient

/** One trace replayed through one server. */
export interface ReplayResult {
  server: string
  trace: string
  agents: number
  txns: number
  ms: number
  serverCpuMs: number
  textLength: number
  matches: string
}

/**
 * The agents' views' fixed client ids: the order of concurrent insertions (YATA) then does not
 * vary by run. The clients that send their updates keep their own (a Y.Doc receiving items of
 * its own client id would take a new one).
 */
const clientIdsFor = (traceIndex: number, agents: number) =>
  Array.from({ length: agents }, (_, a) => 0x70000000 + traceIndex * 16 + a)

/** Replays `trace` through `server`, one stock client per agent, and checks the text. */
export async function replayOnServer(props: {
  server: BenchServer
  kind: 'draftroom' | 'reference'
  /** The row's name for the server (default: Draftroom or reference). */
  label?: string
  trace: ConcurrentTrace
  traceIndex: number
  expected: string
  /** Called with the document before the paragraph is added (to seed the reference). */
  onInitialState?: (state: Uint8Array) => void
  /** Called with each agent's client before it types (to time its commits). */
  onAgentClient?: (client: Client) => void
  /** Awaited once every client holds the text, before they close (the last commits). */
  whenSettled?: () => Promise<void>
}): Promise<ReplayResult> {
  const { server, trace, expected } = props
  const tokens = new Map<string, string>()
  if (props.kind === 'draftroom') {
    for (const account of ACCOUNTS) {
      tokens.set(account, await (await ApiClient.signedIn(server.url, account)).createToken())
    }
  }
  const clients: Client[] = []
  const connect = (account: string) => {
    const client = connectWithToken({
      baseUrl: server.url,
      negotiationId: NEGOTIATION_ID,
      token: tokens.get(account) ?? 'none',
      isDraftroomClient: props.kind === 'draftroom',
    })
    clients.push(client)
    return client
  }
  try {
    const uid = `replay-${trace.name}`
    const setup = connect('che')
    await setup.synced()
    props.onInitialState?.(Y.encodeStateAsUpdate(setup.doc))
    const anchor = blockByUid(setup.doc, ANCHOR_PARAGRAPH)
    const parent = anchor.parent as Y.XmlElement
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.setAttribute('uid', uid)
    paragraph.insert(0, [new Y.XmlText()])
    parent.insert(parent.toArray().indexOf(anchor) + 1, [paragraph])

    const ids = clientIdsFor(props.traceIndex, trace.numAgents)
    const agents = ids.map((_, a) => connect(ACCOUNTS[a % ACCOUNTS.length]!))
    await Promise.all(agents.map((c) => c.synced()))
    for (const agent of agents) props.onAgentClient?.(agent)
    await eventually(() => {
      for (const agent of agents) blockByUid(agent.doc, uid)
    }, 10_000)
    const findText = (doc: Y.Doc) => textOf(blockByUid(doc, uid))
    const records: (TxnRecord | undefined)[] = []
    const views = agents.map(
      (client, a) =>
        new AgentView(trace, a, ids[a]!, Y.encodeStateAsUpdate(client.doc), findText, records),
    )
    if (CPU_PROFILE_DIR) await server.startProfile()
    const before = (await server.stats()).cpuMicros
    const started = performance.now()
    await Promise.all(agents.map((client, a) => runAgent(trace, client, views[a]!, records)))
    const texts = () => agents.map((c) => plainText(findText(c.doc)))
    await eventually(() => {
      const differing = texts().filter((t) => t !== expected).length
      if (differing > 0) throw new Error(`${differing} clients do not hold the expected text`)
    }, 60_000)
    const ms = performance.now() - started
    const serverCpuMs = ((await server.stats()).cpuMicros - before) / 1_000
    await props.whenSettled?.()
    if (CPU_PROFILE_DIR) {
      fs.mkdirSync(CPU_PROFILE_DIR, { recursive: true })
      const file = `concurrentReplay-${props.kind}-${trace.name}.cpuprofile`
      await server.stopProfile(path.join(CPU_PROFILE_DIR, file))
    }
    const refused = agents.flatMap((c) => c.notices)
    if (refused.length > 0) {
      throw new Error(`the server refused: ${refused.map((n) => n.message).join('; ')}`)
    }
    const fresh = connect('mex')
    await fresh.synced()
    await eventually(() => {
      if (plainText(findText(fresh.doc)) !== expected) throw new Error('fresh client differs')
    }, 10_000)
    for (const view of views) view.doc.destroy()
    return {
      server: props.label ?? (props.kind === 'draftroom' ? 'Draftroom' : 'reference'),
      trace: trace.name,
      agents: trace.numAgents,
      txns: trace.txns.length,
      ms,
      serverCpuMs,
      textLength: expected.length,
      matches: trace.isComplete ? 'endContent' : 'in-process replay of the slice',
    }
  } finally {
    for (const client of clients) {
      client.destroy()
      client.doc.destroy()
    }
  }
}

/** One agent: each of its transactions once its client has received what it was made on. */
async function runAgent(
  trace: ConcurrentTrace,
  client: Client,
  view: AgentView,
  records: (TxnRecord | undefined)[],
): Promise<void> {
  const deleted = new Set<string>()
  let wake: (() => void) | null = null
  client.doc.on('afterTransaction', (tr: Y.Transaction) => {
    for (const key of deletedKeys(tr.deleteSet)) deleted.add(key)
    wake?.()
  })
  const hasReceived = (record: TxnRecord | undefined) =>
    record !== undefined &&
    Y.getState(client.doc.store, record.client) >= record.clockEnd &&
    record.deleted.every((key) => deleted.has(key))
  for (const index of trace.byAgent[view.agent]!) {
    const needed = view.missing(index)
    const deadline = Date.now() + STALL_MS
    while (!needed.every((i) => hasReceived(records[i]))) {
      if (Date.now() > deadline) {
        throw new Error(`${trace.name}: agent ${view.agent} stalled before txn ${index}`)
      }
      await new Promise<void>((resolve) => {
        wake = resolve
        setTimeout(resolve, 50)
      })
      wake = null
    }
    const record = view.apply(index)
    Y.applyUpdate(client.doc, record.update, view)
    // Let the socket write (and the others run) between transactions.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
}

const fixed = (value: number, digits = 1) => value.toFixed(digits)

/** The traces, cut at BENCH_REPLAY_TXNS, with the text each must end on. */
export function loadReplayTraces(): {
  limit: number
  traces: ConcurrentTrace[]
  expected: { text: string; ms: number }[]
} {
  const limit = envInteger('BENCH_REPLAY_TXNS', WHOLE_TRACES)
  const traces = TRACES.map((file) => loadConcurrentTrace(file, limit))
  console.log(
    `concurrent replay: ${traces.map((t) => `${t.name} ${t.txns.length}/${t.totalTxns}`).join(', ')} transactions (BENCH_REPLAY_TXNS=${limit})`,
  )
  const expected = traces.map((trace, i) => {
    const inProcess = replayInProcess(trace, clientIdsFor(i, trace.numAgents))
    if (trace.isComplete && inProcess.text !== trace.endContent) {
      throw new Error(`${trace.name}: the in-process replay does not end on endContent`)
    }
    return inProcess
  })
  return { limit, traces, expected }
}

export async function runConcurrentReplay(): Promise<BenchmarkReport> {
  const { limit, traces, expected } = loadReplayTraces()
  const results: ReplayResult[] = []
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftroom-replay-'))
  const seedFile = path.join(seedDir, 'draft.bin')
  try {
    const draftroom = await startBenchServer({ kind: 'draftroom' })
    try {
      for (const [i, trace] of traces.entries()) {
        results.push(
          await replayOnServer({
            server: draftroom,
            kind: 'draftroom',
            trace,
            traceIndex: i,
            expected: expected[i]!.text,
            onInitialState: i === 0 ? (state) => fs.writeFileSync(seedFile, state) : undefined,
          }),
        )
      }
    } finally {
      await draftroom.dispose()
    }
    const reference = await startBenchServer({ kind: 'reference', seedFile })
    try {
      for (const [i, trace] of traces.entries()) {
        results.push(
          await replayOnServer({
            server: reference,
            kind: 'reference',
            trace,
            traceIndex: i,
            expected: expected[i]!.text,
          }),
        )
      }
    } finally {
      await reference.dispose()
    }
  } finally {
    fs.rmSync(seedDir, { recursive: true, force: true })
  }
  const ratio = (r: ReplayResult, key: 'ms' | 'serverCpuMs') => {
    const ref = results.find((x) => x.server === 'reference' && x.trace === r.trace)
    return ref ? r[key] / ref[key] : NaN
  }
  return {
    title: 'Concurrent replay of real editing traces, one client per agent (concurrentReplay.ts)',
    columns: [
      'server',
      'trace',
      'agents',
      'txns',
      'total ms',
      'server CPU ms',
      'chars',
      'equal to',
    ],
    rows: results.map((r) => [
      r.server,
      r.trace,
      r.agents,
      r.txns,
      fixed(r.ms),
      fixed(r.serverCpuMs),
      r.textLength,
      r.matches,
    ]),
    notes: [
      ...results
        .filter((r) => r.server === 'Draftroom')
        .map(
          (r) =>
            `${r.trace}: Draftroom x${fixed(ratio(r, 'ms'), 2)} the reference's time, ` +
            `x${fixed(ratio(r, 'serverCpuMs'), 2)} its server CPU`,
        ),
      `${traces.every((t) => t.isComplete) ? 'whole traces' : `the first ${limit} transactions of each trace`} ` +
        `(BENCH_REPLAY_TXNS; whole: ${traces.map((t) => `${t.name} ${t.totalTxns}`).join(', ')}); ` +
        'a slice ends on the ' +
        'text the same slice gives replayed in process without a server ' +
        `(${expected.map((e, i) => `${traces[i]!.name} ${fixed(e.ms, 0)} ms`).join(', ')}), ` +
        'a whole trace on its endContent; every client and a fresh one checked',
      'an agent waits until its client has received every parent of its next transaction, ' +
        "then makes it at the trace's positions on the text as it saw it; total: first " +
        'transaction to every client holding the expected text; server CPU: the server ' +
        'process over that time; co-facilitator tokens (che, mex), plain text',
    ],
    results: { limit, expectedMs: expected.map((e) => e.ms), replays: results },
  }
}

export const concurrentReplay: Benchmark = {
  name: 'concurrentReplay',
  run: () => runConcurrentReplay(),
}
