import * as Y from 'yjs'
import { INSERTION_MARK, type ProposalRef } from '../../shared/proposals.ts'
import { connectClient, eventually } from '../helpers/wsClients.ts'
import { sleep } from './benchmark.ts'
import type { FanOutChildMessage, FanOutParentMessage, FanOutTypist } from './fanOutProtocol.ts'
import { LatencyHistogram } from './latencyHistogram.ts'
import { proposeParagraph, typeOperations } from './typingRoom.ts'

/**
 * A process of fan-out clients (see `fanOut.ts`): connects its share of the clients, some of
 * them typists, types on command and records, at every client, when each typist's update
 * arrived. Times are epoch milliseconds (`performance.timeOrigin + performance.now()`), which
 * the processes on one machine share; the typists' send times go through the parent, which
 * hands every worker the whole table before it computes latencies.
 */

const NEGOTIATION_ID = 'pacte-mondial'
const CONNECT_BATCH = 25
type Client = ReturnType<typeof connectClient>

const now = () => performance.timeOrigin + performance.now()
const reply = (message: FanOutChildMessage) => process.send?.(message)

let clients: Client[] = []
let typists: { spec: FanOutTypist; client: Client; text: Y.XmlText | null }[] = []
/** Per client: typist clientID -> [clock after the update, arrival time] in order of arrival. */
let arrivals: Map<number, number[]>[] = []
const typistIds = new Set<number>()

async function connect(message: Extract<FanOutParentMessage, { type: 'connect' }>) {
  const typistByIndex = new Map(message.typists.map((t) => [t.clientIndex, t]))
  for (let i = 0; i < message.accounts.length; i += CONNECT_BATCH) {
    const batch = message.accounts.slice(i, i + CONNECT_BATCH).map((account, j) => {
      const index = i + j
      const client = connectClient({
        baseUrl: message.url,
        negotiationId: NEGOTIATION_ID,
        token: message.tokens[account] ?? 'none',
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
      clients[index] = client
      return client.synced
    })
    await Promise.all(batch)
  }
  typists = message.typists.map((spec) => ({
    spec,
    client: clients[spec.clientIndex]!,
    text: null,
  }))
  reply({ type: 'connected', typistIds: typists.map((t) => t.client.doc.clientID) })
}

function propose(): void {
  for (const typist of typists) {
    typist.text = proposeParagraph(
      typist.client.doc,
      `${typist.spec.ref.proposalId}-p`,
      typist.spec.ref,
    )
  }
  reply({ type: 'proposed' })
}

async function waitForParagraphs(uids: string[], ids: number[]): Promise<void> {
  for (const id of ids) typistIds.add(id)
  await eventually(() => {
    for (const client of clients) {
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
async function type(startAt: number, durationMs: number, rate: number) {
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
      }
    }),
  )
  const cpu = process.cpuUsage(cpuBefore)
  reply({ type: 'typed', sends, cpuShare: (cpu.user + cpu.system) / 1_000 / (now() - wallBefore) })
}

/** Latencies of every (update, other client) pair, and each update's last arrival. */
function measure(sends: Record<string, number[]>) {
  const histogram = new LatencyHistogram()
  const lastArrival: Record<string, number[]> = {}
  let missing = 0
  for (const [idText, list] of Object.entries(sends)) {
    const id = Number(idText)
    const last = (lastArrival[idText] = new Array<number>(list.length / 2).fill(0))
    for (const [index, seen] of arrivals.entries()) {
      if (clients[index]!.doc.clientID === id) continue
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
        if (got[j + 1]! > last[k / 2]!) last[k / 2] = got[j + 1]!
      }
    }
  }
  reply({ type: 'measured', histogram: histogram.toJSON(), lastArrival, missing })
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
        return waitForParagraphs(message.uids, message.typistIds)
      case 'type':
        return type(message.startAt, message.durationMs, message.rate)
      case 'measure':
        return measure(message.sends)
      case 'close':
        for (const client of clients) {
          client.destroy()
          client.doc.destroy()
        }
        clients = []
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
