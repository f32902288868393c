import * as Y from 'yjs'
import { INSERTION_MARK, type ProposalRef } from '../../shared/draft/index.ts'
import { type YClient, connectWithToken, eventually } from '../helpers/yClients.ts'
import { sleep } from './benchmark.ts'
import type { FanOutChildMessage, FanOutParentMessage, FanOutTypist } from './fanOutProtocol.ts'
import { LatencyHistogram } from './latencyHistogram.ts'
import { SocketListener } from './socketListener.ts'
import { proposeParagraph, typeOperations } from './typingRoom.ts'

/**
 * A process of fan-out clients (see `fanOut.ts`): connects its share of the clients, types on
 * command and records, at every client, when each typist's update arrived. Typists are stock
 * y-websocket clients (arrival: applied to their Y.Doc); the others are socket listeners
 * (`socketListener.ts`; arrival: at the socket), or stock clients too with `docListeners`.
 * Times are epoch milliseconds (`performance.timeOrigin + performance.now()`), which
 * the processes on one machine share; the typists' send times go through the parent, which
 * hands every worker the whole table before it computes latencies.
 */

const NEGOTIATION_ID = 'pacte-mondial'
const CONNECT_BATCH = 25
type Client = YClient

/** One connection of this process: a stock client (a typist, or any with `docListeners`) or a listener. */
type Connected = { client: Client; listener: null } | { client: null; listener: SocketListener }

const now = () => performance.timeOrigin + performance.now()
const reply = (message: FanOutChildMessage) => process.send?.(message)

let connections: Connected[] = []
let typists: { spec: FanOutTypist; client: Client; text: Y.XmlText | null }[] = []
/** Per connection: Yjs clientID -> [clock after the update, arrival time] in order of arrival. */
let arrivals: Map<number, number[]>[] = []
const typistIds = new Set<number>()

async function connect(message: Extract<FanOutParentMessage, { type: 'connect' }>) {
  const typistByIndex = new Map(message.typists.map((t) => [t.clientIndex, t]))
  for (let i = 0; i < message.accounts.length; i += CONNECT_BATCH) {
    const batch = message.accounts.slice(i, i + CONNECT_BATCH).map((account, j) => {
      const index = i + j
      const token = message.tokens[account] ?? 'none'
      if (!typistByIndex.has(index) && !message.docListeners) {
        const listener = new SocketListener({
          baseUrl: message.url,
          negotiationId: NEGOTIATION_ID,
          token,
        })
        connections[index] = { client: null, listener }
        arrivals[index] = listener.arrivals
        return listener.synced
      }
      const client = connectWithToken({
        baseUrl: message.url,
        negotiationId: NEGOTIATION_ID,
        token,
        isDraftroomClient: message.isDraftroom && typistByIndex.has(index),
      })
      const seen = new Map<number, number[]>()
      client.doc.on(
        'update',
        (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
          if (tr.local) return
          const at = now()
          for (const id of typistIds) {
            const after = tr.afterState.get(id)
            if (after === undefined || after === tr.beforeState.get(id)) continue
            let list = seen.get(id)
            if (!list) seen.set(id, (list = []))
            list.push(after, at)
          }
        },
      )
      arrivals[index] = seen
      connections[index] = { client, listener: null }
      return client.synced()
    })
    await Promise.all(batch)
  }
  typists = message.typists.map((spec) => {
    const { client } = connections[spec.clientIndex]!
    if (!client) throw new Error('a typist without a document')
    return { spec, client, text: null }
  })
  reply({ type: 'connected' })
}

function propose(): void {
  for (const typist of typists) {
    typist.text = proposeParagraph(
      typist.client.doc,
      `${typist.spec.ref.proposalId}-p`,
      typist.spec.ref,
    )
  }
  const clocks: Record<string, number> = {}
  for (const { client } of typists) {
    clocks[client.doc.clientID] = Y.getState(client.doc.store, client.doc.clientID)
  }
  reply({ type: 'proposed', clocks })
}

async function waitForParagraphs(uids: string[], clocks: Record<string, number>): Promise<void> {
  for (const id of Object.keys(clocks)) typistIds.add(Number(id))
  await eventually(() => {
    for (const { client, listener } of connections) {
      if (listener) {
        for (const [id, clock] of Object.entries(clocks)) {
          if ((listener.clocks.get(Number(id)) ?? 0) < clock)
            throw new Error(`a listener lacks ${id}`)
        }
        continue
      }
      const have = new Set<string>()
      for (const node of client.doc.getXmlFragment('default').createTreeWalker(() => true)) {
        if (node instanceof Y.XmlElement) {
          const uid = node.getAttribute('uid')
          if (typeof uid === 'string') have.add(uid)
        }
      }
      for (const uid of uids) if (!have.has(uid)) throw new Error(`a client lacks ${uid}`)
    }
  }, 60_000)
  reply({ type: 'paragraphsEverywhere' })
}

/** Each typist's sends: [clock after the update, send time], flattened. */
async function type(startAt: number, durationMs: number, rate: number, carets: boolean) {
  const sends: Record<number, number[]> = {}
  const cpuBefore = process.cpuUsage()
  const wallBefore = now()
  const interval = 1_000 / rate
  await Promise.all(
    typists.map(async (typist, n) => {
      const { text, spec, client } = typist
      if (!text) throw new Error('no paragraph')
      const list: number[] = (sends[client.doc.clientID] = [])
      const attributes: Record<string, ProposalRef> = { [INSERTION_MARK]: spec.ref }
      // Typists start spread over one interval, not all on the same tick.
      const first = startAt + (interval * n) / Math.max(1, typists.length)
      for (let k = 0; k < spec.operations.length; k++) {
        const due = first + k * interval
        if (due > startAt + durationMs) break
        const wait = due - now()
        if (wait > 1) await sleep(wait)
        const op = spec.operations[k]!
        const index = Math.min(op.index, text.length)
        typeOperations(text, [{ index, deleteLength: 0, text: op.text }], attributes)
        list.push(Y.getState(client.doc.store, client.doc.clientID), now())
        if (carets) {
          const at = index + op.text.length
          client.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at })
        }
      }
    }),
  )
  const cpu = process.cpuUsage(cpuBefore)
  reply({ type: 'typed', sends, cpuShare: (cpu.user + cpu.system) / 1_000 / (now() - wallBefore) })
}

/**
 * Latencies of every (update, other client) pair, and each update's last arrival; `applied`
 * counts only the stock clients' (arrival applied to a Y.Doc).
 */
function measure(sends: Record<string, number[]>) {
  const histogram = new LatencyHistogram()
  const applied = new LatencyHistogram()
  const lastArrival: Record<string, number[]> = {}
  let missing = 0
  for (const [idText, list] of Object.entries(sends)) {
    const id = Number(idText)
    const last = (lastArrival[idText] = new Array<number>(list.length / 2).fill(0))
    for (const [index, seen] of arrivals.entries()) {
      const { client } = connections[index]!
      if (client?.doc.clientID === id) continue
      const got = seen.get(id) ?? []
      // Both lists grow with the clock: walk them together (an arrival may merge updates).
      let j = 0
      for (let k = 0; k < list.length; k += 2) {
        const clock = list[k]!
        while (j < got.length && got[j]! < clock) j += 2
        if (j >= got.length) {
          missing++
          continue
        }
        const latency = got[j + 1]! - list[k + 1]!
        histogram.add(latency)
        if (client) applied.add(latency)
        if (got[j + 1]! > last[k / 2]!) last[k / 2] = got[j + 1]!
      }
    }
  }
  reply({
    type: 'measured',
    histogram: histogram.toJSON(),
    applied: applied.toJSON(),
    lastArrival,
    missing,
    presence: {
      messages: connections.reduce((n, c) => n + (c.listener?.presenceMessages ?? 0), 0),
      listeners: connections.filter((c) => c.listener).length,
    },
  })
}

process.on('message', (raw) => {
  const message = raw as FanOutParentMessage
  const run = async () => {
    switch (message.type) {
      case 'connect':
        return connect(message)
      case 'propose':
        return propose()
      case 'waitForParagraphs':
        return waitForParagraphs(message.uids, message.clocks)
      case 'type':
        return type(message.startAt, message.durationMs, message.rate, message.carets)
      case 'measure':
        return measure(message.sends)
      case 'close':
        for (const { client, listener } of connections) {
          listener?.close()
          client?.destroy()
          client?.doc.destroy()
        }
        connections = []
        arrivals = []
        process.exit(0)
    }
  }
  run().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
})
process.on('disconnect', () => process.exit(0))
process.setMaxListeners(1_000)
reply({ type: 'ready' })
