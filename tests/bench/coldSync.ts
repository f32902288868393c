import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { INSERTION_MARK, PROPOSALS_MAP, type ProposalRef } from '../../shared/draft/index.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { connectWithToken, eventually } from '../helpers/yClients.ts'
import { envInteger, sleep, type Benchmark, type BenchmarkReport } from './benchmark.ts'
import { startBenchServer, type BenchServer } from './benchServer.ts'
import { loadSequentialTrace, toTextOperations } from './editingTrace.ts'
import { median } from './latencyHistogram.ts'
import { roomUrl, syncOnce } from './rawSync.ts'
import { proposeParagraph, typeOperations } from './typingRoom.ts'

/**
 * Cold sync (DESIGN.md section 9): a new client loads the demo compact after BENCH_PROPOSALS
 * (2,000) proposals, each a new paragraph proposed by one of six delegations through a
 * Draftroom client (one transaction each), and BENCH_COLDSYNC_EDITS (3,000) keystrokes of the
 * automerge-paper trace typed into one of them (updates of 4). Then BENCH_COLDSYNC_JOINS (7)
 * new clients join, one at a time: the server process's CPU time per join (connection,
 * authentication, sync), the time from the WebSocket's open to sync step 2 and its size.
 * Draftroom is measured twice: with the room loaded (another client connected: joining a live
 * negotiation) and unloaded (every client gone and the room closed: loaded from storage). The
 * reference serves the same Yjs state. Target: under 200 ms of server time.
 */

const TARGET_MS = 200
const NEGOTIATION_ID = 'pacte-mondial'
const DELEGATIONS: [string, string][] = [
  ['fra', 'FRA'],
  ['mar', 'MAR'],
  ['phl', 'PHL'],
  ['deu', 'DEU'],
  ['bra', 'BRA'],
  ['egy', 'EGY'],
]
/** Draftroom closes an idle room after this (startTestServer: roomIdleMs 50), with margin. */
const ROOM_IDLE_WAIT_MS = 500

export interface ColdSyncOptions {
  proposals: number
  edits: number
  joins: number
}

export const coldSyncOptionsFromEnv = (): ColdSyncOptions => ({
  proposals: envInteger('BENCH_PROPOSALS', 2_000),
  edits: envInteger('BENCH_COLDSYNC_EDITS', 3_000),
  joins: envInteger('BENCH_COLDSYNC_JOINS', 7),
})

interface JoinSummary {
  setting: string
  joins: number
  serverCpuMs: number
  serverCpuMsMax: number
  openToSyncedMs: number
  step2Bytes: number
  receivedBytes: number
}

/** `joins` new clients in turn; medians. `between` runs before each (unmeasured). */
async function measureJoins(props: {
  setting: string
  server: BenchServer
  url: string
  joins: number
  between?: () => Promise<void>
}): Promise<JoinSummary> {
  const cpu: number[] = []
  const times: number[] = []
  const step2: number[] = []
  const received: number[] = []
  // One unmeasured join first: a fresh process compiles its sync path on the first one.
  for (let j = 0; j <= props.joins; j++) {
    await props.between?.()
    const before = (await props.server.stats()).cpuMicros
    const measure = await syncOnce(props.url)
    const after = (await props.server.stats()).cpuMicros
    measure.doc.destroy()
    if (j === 0) continue
    cpu.push((after - before) / 1_000)
    times.push(measure.openToSyncedMs)
    step2.push(measure.step2Bytes)
    received.push(measure.receivedBytes)
  }
  return {
    setting: props.setting,
    joins: props.joins,
    serverCpuMs: median(cpu),
    serverCpuMsMax: Math.max(...cpu),
    openToSyncedMs: median(times),
    step2Bytes: median(step2),
    receivedBytes: median(received),
  }
}

/** Builds the draft on a Draftroom server: the proposals, then the typing. */
async function buildDraft(url: string, options: ColdSyncOptions) {
  const clients = []
  const tokens: Record<string, string> = {}
  for (const [account] of DELEGATIONS) {
    tokens[account] = await (await ApiClient.signedIn(url, account)).createToken('bench')
    clients.push(
      connectWithToken({
        baseUrl: url,
        negotiationId: NEGOTIATION_ID,
        token: tokens[account],
        isDraftroomClient: true,
      }),
    )
  }
  await Promise.all(clients.map((c) => c.synced()))
  const proposals = clients[0]!.doc.getMap(PROPOSALS_MAP)
  const existing = proposals.size
  const texts: Y.XmlText[] = []
  for (let i = 0; i < options.proposals; i++) {
    const d = i % DELEGATIONS.length
    const ref: ProposalRef = { proposalId: `cold-${i}`, delegation: DELEGATIONS[d]![1] }
    const text = proposeParagraph(clients[d]!.doc, `cold-${i}-p`, ref)
    typeOperations(text, [{ index: 0, deleteLength: 0, text: `Proposal ${i}: ` }], {
      [INSERTION_MARK]: ref,
    })
    texts.push(text)
    // Let the sockets drain now and then rather than queue thousands of messages.
    if (i % 100 === 99) await sleep(20)
  }
  await eventually(() => {
    if (proposals.size < existing + options.proposals) {
      throw new Error(`${proposals.size - existing} of ${options.proposals} proposals recorded`)
    }
  }, 180_000)
  // The editing history: the trace typed into FRA's first proposal.
  const trace = loadSequentialTrace()
  const { operations, finalText } = toTextOperations(
    trace.startContent,
    trace.edits.slice(0, options.edits),
  )
  const ref: ProposalRef = { proposalId: 'cold-history', delegation: 'FRA' }
  const text = proposeParagraph(clients[0]!.doc, 'cold-history-p', ref)
  for (let i = 0; i < operations.length; i += 4) {
    typeOperations(text, operations.slice(i, i + 4), { [INSERTION_MARK]: ref })
    if (i % 400 === 396) await sleep(10)
  }
  const watcher = clients[1]!
  await eventually(() => {
    const paragraphText = textIn(watcher.doc, 'cold-history-p')
    if (paragraphText !== finalText) throw new Error('the history has not arrived yet')
  }, 180_000)
  const refusals = clients.flatMap((c) => c.notices)
  if (refusals.length > 0) {
    throw new Error(`the server refused: ${refusals.map((n) => n.message).join('; ')}`)
  }
  return {
    clients,
    tokens,
    proposalCount: proposals.size,
    state: Y.encodeStateAsUpdate(watcher.doc),
  }
}

function textIn(doc: Y.Doc, uid: string): string | null {
  for (const node of doc.getXmlFragment('default').createTreeWalker(() => true)) {
    if (node instanceof Y.XmlElement && node.getAttribute('uid') === uid) {
      const text = node.firstChild
      if (!(text instanceof Y.XmlText)) return null
      const delta = text.toDelta() as { insert: unknown }[]
      return delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
    }
  }
  return null
}

const fixed = (value: number, digits = 1) => value.toFixed(digits)

export async function runColdSync(options = coldSyncOptionsFromEnv()): Promise<BenchmarkReport> {
  console.log(
    `cold sync: ${options.proposals} proposals, ${options.edits} keystrokes of history, ` +
      `${options.joins} joins per setting`,
  )
  const summaries: JoinSummary[] = []
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftroom-coldsync-'))
  const seedFile = path.join(seedDir, 'draft.bin')
  const built = { proposalCount: 0, stateBytes: 0 }
  try {
    const server = await startBenchServer({ kind: 'draftroom' })
    try {
      const started = performance.now()
      const draft = await buildDraft(server.url, options)
      built.proposalCount = draft.proposalCount
      built.stateBytes = draft.state.length
      fs.writeFileSync(seedFile, draft.state)
      console.log(`  draft built in ${fixed((performance.now() - started) / 1_000)} s`)
      const url = roomUrl(server.url, NEGOTIATION_ID, draft.tokens.mar!)
      // Loaded: one client stays in the room.
      for (const client of draft.clients.slice(1)) {
        client.destroy()
        client.doc.destroy()
      }
      summaries.push(
        await measureJoins({
          setting: 'Draftroom, room loaded',
          server,
          url,
          joins: options.joins,
        }),
      )
      draft.clients[0]!.destroy()
      draft.clients[0]!.doc.destroy()
      summaries.push(
        await measureJoins({
          setting: 'Draftroom, room unloaded (from storage)',
          server,
          url,
          joins: options.joins,
          between: () => sleep(ROOM_IDLE_WAIT_MS),
        }),
      )
    } finally {
      await server.dispose()
    }
    const reference = await startBenchServer({ kind: 'reference', seedFile })
    try {
      const url = roomUrl(reference.url, NEGOTIATION_ID, null)
      // The classic loop keeps a document while a client is connected: one stays.
      const keeper = await syncOnceKeep(url)
      summaries.push(
        await measureJoins({
          setting: 'reference, same state',
          server: reference,
          url,
          joins: options.joins,
        }),
      )
      keeper.close()
    } finally {
      await reference.dispose()
    }
  } finally {
    fs.rmSync(seedDir, { recursive: true, force: true })
  }
  const reference = summaries[summaries.length - 1]!
  const { proposalCount, stateBytes } = built
  return {
    title: `Cold sync: the compact with ${proposalCount} proposals (coldSync.ts)`,
    columns: [
      'server',
      'server CPU ms (median)',
      'max',
      'open to synced ms',
      'sync step 2 bytes',
      'received bytes',
    ],
    rows: summaries.map((s) => [
      s.setting,
      fixed(s.serverCpuMs),
      fixed(s.serverCpuMsMax),
      fixed(s.openToSyncedMs),
      s.step2Bytes,
      s.receivedBytes,
    ]),
    notes: [
      ...summaries
        .filter((s) => s !== reference)
        .map(
          (s) =>
            `${s.setting}: ${fixed(s.serverCpuMs)} ms of server CPU per join, target < ` +
            `${TARGET_MS} ms: ${s.serverCpuMs < TARGET_MS ? 'met' : 'NOT met'}; x` +
            `${fixed(s.serverCpuMs / reference.serverCpuMs, 2)} the reference's CPU, x` +
            `${fixed(s.step2Bytes / reference.step2Bytes, 2)} its bytes`,
        ),
      `document: ${stateBytes} bytes of Yjs state; ${options.edits} keystrokes of history; ` +
        `medians of ${options.joins} joins after an unmeasured one`,
      'server CPU: the server process CPU time from before the WebSocket opens to after it ' +
        'closes (upgrade, authentication, room load if any, sync); open to synced: wall time, ' +
        'WebSocket open to sync step 2 received, on a machine shared with other work',
    ],
    results: { options, proposalCount, stateBytes, joins: summaries },
  }
}

/** A client that syncs and stays connected (the reference drops a document nobody holds). */
async function syncOnceKeep(url: string): Promise<{ close: () => void }> {
  const { default: WebSocket } = await import('ws')
  const socket = new WebSocket(url)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return { close: () => socket.close() }
}

export const coldSync: Benchmark = { name: 'coldSync', run: () => runColdSync() }
