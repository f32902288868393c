import fs from 'node:fs'
import zlib from 'node:zlib'
import * as Y from 'yjs'
import { z } from 'zod'

/**
 * A concurrent editing trace (josephg/editing-traces: clownschool, friendsforever) and the
 * faithful replay of one of its agents into a Yjs text.
 *
 * Each transaction's positions are relative to the text as its agent saw it: the state after
 * its `parents`. An agent's client may meanwhile have received more (concurrent transactions
 * of other agents), so the patches are not applied to the client's document directly: each
 * agent keeps its own *view*, a Y.Doc holding exactly the transactions its next one was made
 * on (the closure of its parents, brought in from the updates their authors recorded), applies
 * the patches there, and hands the resulting update to its client. Yjs then gets the same
 * origins as if the agent had typed on that state, so the result does not depend on timing.
 */

const ConcurrentTraceFile = z.object({
  endContent: z.string(),
  numAgents: z.number().int().positive(),
  txns: z.array(
    z.object({
      parents: z.array(z.number().int()),
      agent: z.number().int(),
      patches: z.array(z.tuple([z.number().int(), z.number().int(), z.string()])),
    }),
  ),
})

export interface ConcurrentTxn {
  agent: number
  patches: [number, number, string][]
  /** Per agent, how many of its transactions this one was made on (a prefix of each). */
  version: Int32Array
  /** The index of this transaction among its agent's. */
  seq: number
}

export interface ConcurrentTrace {
  name: string
  endContent: string
  numAgents: number
  totalTxns: number
  /** The first `limit` transactions (closed under parents: parents come first). */
  txns: ConcurrentTxn[]
  /** Per agent, the indices of its transactions in `txns`. */
  byAgent: number[][]
  isComplete: boolean
  hasAstral: boolean
}

export function loadConcurrentTrace(file: string, limit: number): ConcurrentTrace {
  const raw = ConcurrentTraceFile.parse(
    JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString()),
  )
  const n = raw.numAgents
  const count = Math.min(limit, raw.txns.length)
  const txns: ConcurrentTxn[] = []
  const byAgent: number[][] = Array.from({ length: n }, () => [])
  let hasAstral = /[\uD800-\uDBFF]/.test(raw.endContent)
  for (let i = 0; i < count; i++) {
    const t = raw.txns[i]!
    const version = new Int32Array(n)
    for (const p of t.parents) {
      if (p >= i) throw new Error(`txn ${i}: parent ${p} does not come first`)
      const parent = txns[p]!
      for (let a = 0; a < n; a++) version[a] = Math.max(version[a]!, parent.version[a]!)
      version[parent.agent] = Math.max(version[parent.agent]!, parent.seq + 1)
    }
    const seq = byAgent[t.agent]!.length
    // Each agent sees its own edits: the versions are then per-agent prefixes.
    if (version[t.agent] !== seq) throw new Error(`txn ${i} does not follow its agent's last`)
    byAgent[t.agent]!.push(i)
    hasAstral ||= t.patches.some(([, , text]) => /[\uD800-\uDBFF]/.test(text))
    txns.push({ agent: t.agent, patches: t.patches, version, seq })
  }
  return {
    name: file.replace(/^.*\//, '').replace(/\.json\.gz$/, ''),
    endContent: raw.endContent,
    numAgents: n,
    totalTxns: raw.txns.length,
    txns,
    byAgent,
    isComplete: count === raw.txns.length,
    hasAstral,
  }
}

/** What the author of a transaction recorded: its update and what a receiver must hold. */
export interface TxnRecord {
  update: Uint8Array
  client: number
  /** The author's clock after it (its state vector entry). */
  clockEnd: number
  /** `client:clock` of every character it deleted. */
  deleted: string[]
}

/** The text of an XmlText (its string inserts, without marks). */
export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')
}

/** One agent's view of the text (see the top of the file). */
export class AgentView {
  readonly doc = new Y.Doc({ gc: false })
  private readonly text: Y.XmlText
  private readonly applied: Int32Array
  private lastUpdate: Uint8Array | null = null
  private lastDeleted: string[] = []

  constructor(
    private readonly trace: ConcurrentTrace,
    readonly agent: number,
    clientId: number,
    initialState: Uint8Array,
    findText: (doc: Y.Doc) => Y.XmlText,
    private readonly records: (TxnRecord | undefined)[],
  ) {
    this.doc.clientID = clientId
    Y.applyUpdate(this.doc, initialState)
    this.text = findText(this.doc)
    this.applied = new Int32Array(trace.numAgents)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) this.lastUpdate = update
    })
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === this) this.lastDeleted = deletedKeys(tr.deleteSet)
    })
  }

  /** The transactions transaction `index` was made on that this view lacks. */
  missing(index: number): number[] {
    const { version } = this.trace.txns[index]!
    const needed: number[] = []
    for (let a = 0; a < this.trace.numAgents; a++) {
      const list = this.trace.byAgent[a]!
      for (let s = this.applied[a]!; s < version[a]!; s++) needed.push(list[s]!)
    }
    return needed.sort((x, y) => x - y)
  }

  /** Brings in what transaction `index` was made on, makes it and records it. */
  apply(index: number): TxnRecord {
    const txn = this.trace.txns[index]!
    const needed = this.missing(index)
    if (needed.length > 0) {
      const updates = needed.map((i) => {
        const record = this.records[i]
        if (!record) throw new Error(`txn ${index}: parent ${i} not recorded yet`)
        return record.update
      })
      Y.applyUpdate(this.doc, Y.mergeUpdates(updates), 'parents')
      for (const i of needed) {
        const t = this.trace.txns[i]!
        this.applied[t.agent] = t.seq + 1
      }
    }
    this.lastUpdate = null
    this.lastDeleted = []
    this.doc.transact(() => {
      let current = this.trace.hasAstral ? plainText(this.text) : ''
      for (const [position, deleteCount, inserted] of txn.patches) {
        const index16 = this.trace.hasAstral ? utf16Offset(current, position) : position
        const end16 = this.trace.hasAstral
          ? utf16Offset(current, position + deleteCount)
          : position + deleteCount
        if (end16 > index16) this.text.delete(index16, end16 - index16)
        if (inserted) this.text.insert(index16, inserted)
        if (this.trace.hasAstral) {
          current = current.slice(0, index16) + inserted + current.slice(end16)
        }
      }
    }, this)
    this.applied[txn.agent] = txn.seq + 1
    const record: TxnRecord = {
      update: this.lastUpdate ?? Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.doc)),
      client: this.doc.clientID,
      clockEnd: Y.getState(this.doc.store, this.doc.clientID),
      deleted: this.lastDeleted,
    }
    this.records[index] = record
    return record
  }
}

function utf16Offset(text: string, position: number): number {
  let offset = 0
  for (let i = 0; i < position; i++) offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1
  return offset
}

export function deletedKeys(deleteSet: { clients: Map<number, { clock: number; len: number }[]> }) {
  const keys: string[] = []
  for (const [client, items] of deleteSet.clients) {
    for (const { clock, len } of items) {
      for (let c = clock; c < clock + len; c++) keys.push(`${client}:${c}`)
    }
  }
  return keys
}

/**
 * The expected text of a (possibly sliced) replay: the same agents' views, in process, without
 * a server, in trace order.
 */
export function replayInProcess(
  trace: ConcurrentTrace,
  clientIds: number[],
): { text: string; ms: number } {
  const started = performance.now()
  const base = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.setAttribute('uid', 'replay')
  paragraph.insert(0, [new Y.XmlText()])
  base.getXmlFragment('default').insert(0, [paragraph])
  const initial = Y.encodeStateAsUpdate(base)
  const findText = (doc: Y.Doc) =>
    (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
  const records: (TxnRecord | undefined)[] = []
  const views = clientIds.map(
    (id, agent) => new AgentView(trace, agent, id, initial, findText, records),
  )
  for (let i = 0; i < trace.txns.length; i++) views[trace.txns[i]!.agent]!.apply(i)
  const merged = new Y.Doc()
  Y.applyUpdate(merged, initial)
  for (const record of records) if (record) Y.applyUpdate(merged, record.update)
  const text = plainText(findText(merged))
  for (const view of views) view.doc.destroy()
  return { text, ms: performance.now() - started }
}
