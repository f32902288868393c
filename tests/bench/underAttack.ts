import * as Y from 'yjs'
import WebSocket from 'ws'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { syncUpdateMessage } from '../../server/collab/messages.ts'
import { COLLAB_PATH, draftRoomName } from '../../shared/collabProtocol.ts'
import {
  DRAFT_FRAGMENT,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  PROPOSALS_MAP,
} from '../../shared/draft/index.ts'
import { awarenessMessage, awarenessUpdate, cyclicUpdate } from '../faults/craftedUpdates.ts'
import { RoundTripProbe, percentile } from '../faults/probes.ts'
import { ApiClient, userIdOf } from '../helpers/accounts.ts'
import {
  addParagraph,
  connectClient,
  pickBlocks,
  uidOf,
  type YClient,
} from '../helpers/yClients.ts'
import { envInteger, sleep, type Benchmark, type BenchmarkReport } from './benchmark.ts'
import { startBenchServer, type BenchServer } from './benchServer.ts'

/**
 * Honest latency under attack (issue 11): a co-facilitator types in the demo draft and in
 * another negotiation's draft, and a reader in each measures the round trip through the
 * server, while a delegation's script attacks the demo room, phase after phase, with what
 * costs the server most: large forbidden updates (each one applied, refused, and undone by
 * rebuilding the document) from reconnection to reconnection, never-completable updates,
 * the largest updates it may store, and a presence flood. The writer's budget cuts each
 * attack short (the script is closed, then refused at the door until its budget refills);
 * the table shows what remains of it for the others. BENCH_ATTACK_PHASE_MS per phase.
 */

const PHASE_MS = envInteger('BENCH_ATTACK_PHASE_MS', 8_000)
const OTHER_NEGOTIATION = 'autre-negociation'

type Attack = (context: AttackContext) => Promise<void>

interface AttackContext {
  roomUrl: string
  /** The attacking delegation's code. */
  delegation: string
  base: Y.Doc
  isRunning: () => boolean
  counts: { sent: number; refusedAtDoor: number; closed: number }
}

/** Sends messages on one connection after another until the phase ends. */
async function onConnections(
  context: AttackContext,
  messages: (n: number) => Uint8Array,
): Promise<void> {
  let n = 0
  while (context.isRunning()) {
    const socket = new WebSocket(context.roomUrl)
    const opened = await new Promise<boolean>((resolve) => {
      socket.once('open', () => resolve(true))
      socket.once('unexpected-response', () => resolve(false))
      socket.once('error', () => resolve(false))
    })
    if (!opened) {
      context.counts.refusedAtDoor++
      await sleep(250)
      continue
    }
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    while (context.isRunning() && socket.readyState === WebSocket.OPEN) {
      socket.send(messages(n++))
      context.counts.sent++
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (socket.bufferedAmount > 8 * 1024 * 1024) await sleep(20)
    }
    if (socket.readyState !== WebSocket.CLOSED) context.counts.closed++
    socket.terminate()
    await closed
  }
}

/** A forbidden update of `size` bytes: a proposal record written by a client. */
const forbiddenRecord = (size: number) => (n: number) => {
  const doc = new Y.Doc()
  doc.getMap(PROPOSALS_MAP).set(`forged-${n}`, { status: 'accepted', filler: 'x'.repeat(size) })
  return syncUpdateMessage(Y.encodeStateAsUpdate(doc))
}

/** The largest paragraph a delegation may propose in one message: its own, and stored. */
const largeProposal = (base: Y.Doc, delegation: string) => (n: number) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  const section = doc.getXmlFragment(DRAFT_FRAGMENT).get(0) as Y.XmlElement
  const ref = { proposalId: `attack-large-${n}`, delegation }
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.setAttribute('uid', `attack-${n}`)
  paragraph.setAttribute(INSERTED_BY_ATTR, ref as unknown as string)
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  section.insert(1, [paragraph])
  text.insert(0, 'x'.repeat(1_700_000), { [INSERTION_MARK]: ref })
  return syncUpdateMessage(Y.encodeStateAsUpdate(doc, before))
}

const PHASES: { name: string; attack: Attack | null }[] = [
  { name: 'no attack', attack: null },
  {
    name: 'forbidden updates of 1.7 MB, reconnecting',
    attack: (context) => onConnections(context, forbiddenRecord(1_700_000)),
  },
  {
    name: 'forbidden updates of 1 KB, reconnecting',
    attack: (context) => onConnections(context, forbiddenRecord(1_000)),
  },
  {
    name: 'never-completable updates (cycles)',
    attack: (context) =>
      onConnections(context, (n) =>
        syncUpdateMessage(cyclicUpdate(8_000_000 + 2 * n, 8_000_001 + 2 * n)),
      ),
  },
  {
    name: 'accepted proposals of 1.7 MB',
    attack: (context) => onConnections(context, largeProposal(context.base, context.delegation)),
  },
  {
    name: 'presence flood',
    attack: (context) =>
      onConnections(context, (n) =>
        awarenessMessage(
          awarenessUpdate([{ clientId: 9_000_000 + (n % 4), clock: n + 1, state: { n } }]),
        ),
      ),
  },
]

interface PhaseResult {
  phase: string
  sameRoomP50: number
  sameRoomP99: number
  otherRoomP50: number
  otherRoomP99: number
  serverCpuMs: number
  sent: number
  closed: number
  refusedAtDoor: number
}

async function measure(server: BenchServer): Promise<PhaseResult[]> {
  const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
  await secretariat.json('POST', '/api/negotiations', {
    id: OTHER_NEGOTIATION,
    title: 'Autre négociation',
    language: 'fr',
  })
  for (const username of ['che', 'iom']) {
    await secretariat.json(
      'PUT',
      `/api/negotiations/${OTHER_NEGOTIATION}/roles/${await userIdOf(secretariat, username)}`,
      { role: username === 'che' ? 'coFacilitator' : 'observer' },
    )
  }
  const token = async (name: string) => (await ApiClient.signedIn(server.url, name)).createToken()
  const [che, iom] = [await token('che'), await token('iom')]
  // Each attack is another delegation's, whose budget is whole when its phase starts.
  const attackers = ['fra', 'mar', 'egy', 'deu', 'bra', 'phl']
  const collabUrl = `${server.url.replace(/^http/, 'ws')}${COLLAB_PATH}`
  const open = (negotiationId: string, access: string) =>
    connectClient(collabUrl, draftRoomName(negotiationId), { params: { access_token: access } })
  const clients: YClient[] = []
  const probeOf = async (negotiationId: string) => {
    const writer = await open(negotiationId, che)
    const reader = await open(negotiationId, iom)
    clients.push(writer, reader)
    // The other negotiation starts empty: the co-facilitator writes a paragraph to type in.
    const section = writer.doc.getXmlFragment(DRAFT_FRAGMENT).get(0) as Y.XmlElement
    const block =
      negotiationId === DEMO_NEGOTIATION_ID
        ? uidOf(pickBlocks(writer.doc, 1)[0]!)!
        : addParagraph(section, 1, 'Paragraphe de mesure.')
    return new RoundTripProbe(writer, reader, block)
  }
  const sameRoom = await probeOf(DEMO_NEGOTIATION_ID)
  const otherRoom = await probeOf(OTHER_NEGOTIATION)
  const results: PhaseResult[] = []
  try {
    for (const [index, { name, attack }] of PHASES.entries()) {
      const username = attackers[index % attackers.length]!
      const attacker = await token(username)
      const counts = { sent: 0, refusedAtDoor: 0, closed: 0 }
      const cpuBefore = (await server.stats()).cpuMicros
      sameRoom.start()
      otherRoom.start()
      const endsAt = Date.now() + PHASE_MS
      const context: AttackContext = {
        roomUrl: `${collabUrl}/${draftRoomName(DEMO_NEGOTIATION_ID)}?access_token=${attacker}`,
        delegation: username.toUpperCase(),
        base: clients[0]!.doc,
        isRunning: () => Date.now() < endsAt,
        counts,
      }
      await (attack ? attack(context) : sleep(PHASE_MS))
      await Promise.all([sameRoom.stop(), otherRoom.stop()])
      const same = sameRoom.take()
      const other = otherRoom.take()
      results.push({
        phase: name,
        sameRoomP50: percentile(same, 50),
        sameRoomP99: percentile(same, 99),
        otherRoomP50: percentile(other, 50),
        otherRoomP99: percentile(other, 99),
        serverCpuMs: ((await server.stats()).cpuMicros - cpuBefore) / 1_000,
        ...counts,
      })
    }
  } finally {
    for (const client of clients) client.destroy()
  }
  return results
}

export const underAttack: Benchmark = {
  name: 'underAttack',
  run: async (): Promise<BenchmarkReport> => {
    // The product's budgets: they are what stands between the script and the room.
    const server = await startBenchServer({ kind: 'draftroom', options: { writerLimits: {} } })
    let results: PhaseResult[]
    try {
      results = await measure(server)
    } finally {
      await server.dispose()
    }
    const round = (value: number) => Math.round(value * 10) / 10
    return {
      title: `Honest round trips while a delegation's script attacks the room (${PHASE_MS / 1000} s a phase)`,
      columns: [
        'phase',
        'same room p50 / p99 ms',
        'other room p50 / p99 ms',
        'server CPU ms',
        'attack messages sent',
        'closed',
        'refused at the door',
      ],
      rows: results.map((r) => [
        r.phase,
        `${round(r.sameRoomP50)} / ${round(r.sameRoomP99)}`,
        `${round(r.otherRoomP50)} / ${round(r.otherRoomP99)}`,
        Math.round(r.serverCpuMs),
        r.sent,
        r.closed,
        r.refusedAtDoor,
      ]),
      notes: [
        'Round trip: a co-facilitator types one character, until an observer in the same room has it.',
        'The script is the FRA delegation; its budget (shared/limits.ts) closes it, then refuses it (429) until refilled.',
      ],
      results,
    }
  },
}
