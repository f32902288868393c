import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { startServer } from '../helpers/servers/index.ts'
import { fetchDraftDocument } from '../helpers/fetchDraft.ts'
import {
  type YClient,
  addParagraph,
  blockText,
  connectClient,
  deleteText,
  draftJson,
  hasMarks,
  insertText,
  stateVector,
  textBlocks,
  uidOf,
  waitForConvergence,
} from '../helpers/yClients.ts'
import { numberFromEnv } from '../faults/seeds.ts'
import { Random, fuzzSeeds } from './random.ts'

/**
 * Convergence by fuzzing (after Yjs's `applyRandomTests`): 3 or 4 stock clients make random
 * edits in a few blocks of the demo draft, go offline and come back, while the server is closed
 * or killed and restarted; in the end every client, the server's draft and a fresh client
 * loading the stored state must be equal.
 *
 * Seeds: `FUZZ_SEEDS=3,17 npx vitest run tests/collab/convergenceFuzz.test.ts` replays seeds;
 * by default seeds 1..8 (the PostgreSQL project runs others). Odd seeds run the server as a child process (killed or stopped),
 * even seeds in this process (closed), so that both restarts are exercised.
 */

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)
const SEEDS = fuzzSeeds(8)
/** The whole file's budget (`FUZZ_BUDGET_MS`); each seed gets its share, edits stop when it is spent. */
const TIME_BUDGET_MS = numberFromEnv('FUZZ_BUDGET_MS', 50_000)
/** Time kept from each seed's share for starting, settling and the final checks. */
const SETTLE_MS = 6_000
const MAX_STEPS = 400
const MAX_OUTAGES = 3

/** The server as the fuzzer drives it: up or down, however it is run. */
interface FuzzServer {
  readonly collabUrl: string
  readonly url: string
  readonly port: number
  readonly isRunning: boolean
  /** Takes the server down: `how` picks among the ways this kind of server can go. */
  down(random: Random): Promise<string>
  up(): Promise<void>
  /** Takes it down for good and back up: what a fresh client then loads is what was stored. */
  reload(): Promise<void>
  dispose(): Promise<void>
}

async function startFuzzServer(seed: number): Promise<FuzzServer> {
  if (seed % 2 === 1) {
    const server = await startServer({ env: { LOG_LEVEL: 'info' } })
    return {
      get collabUrl() {
        return server.collabUrl
      },
      get url() {
        return server.url
      },
      get port() {
        return server.port
      },
      get isRunning() {
        return server.isRunning
      },
      async down(random) {
        if (random.chance(0.5)) {
          await server.kill()
          return 'SIGKILL'
        }
        await server.stop()
        return 'SIGTERM'
      },
      up: () => server.restart(),
      async reload() {
        // Everything the clients converged on went through the server, hence was committed:
        // even a kill must lose none of it.
        await server.kill()
        await server.restart()
      },
      dispose: () => server.dispose(),
    }
  }
  const server = await startServer({ inProcess: true })
  return {
    get collabUrl() {
      return server.collabUrl
    },
    get url() {
      return server.url
    },
    get port() {
      return server.port
    },
    get isRunning() {
      return server.isRunning
    },
    async down() {
      await server.close()
      return 'close'
    },
    up: () => server.restart(),
    reload: () => server.restart(),
    dispose: () => server.dispose(),
  }
}

/** The blocks a client may edit: the chosen ones and the paragraphs added since, if it has them. */
function editableBlocks(client: YClient, uids: ReadonlySet<string>): Y.XmlElement[] {
  return textBlocks(client.doc).filter((block) => {
    const uid = uidOf(block)
    return uid !== undefined && uids.has(uid)
  })
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function runSeed(seed: number, deadline: number, trace: string[]): Promise<void> {
  const random = new Random(seed)
  const server = await startFuzzServer(seed)
  const clients: YClient[] = []
  try {
    const clientCount = 3 + random.int(2)
    for (let i = 0; i < clientCount; i++) {
      clients.push(
        await connectClient(server.collabUrl, ROOM, { name: `client${i}`, maxBackoffTime: 200 }),
      )
    }
    // A few plain blocks of every kind, from anywhere in the draft.
    const candidates = textBlocks(clients[0]!.doc).filter(
      (block) => uidOf(block) !== undefined && !hasMarks(block),
    )
    const editable = new Set<string>()
    while (editable.size < 6) editable.add(uidOf(random.pick(candidates))!)
    const sections = clients[0]!.doc
      .getXmlFragment('default')
      .toArray()
      .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement)
      .map((section) => uidOf(section)!)

    let outages = 0
    for (let step = 0; step < MAX_STEPS && Date.now() < deadline; step++) {
      const client = random.pick(clients)
      const roll = random.next()
      if (!server.isRunning && random.chance(0.15)) {
        await server.up()
        trace.push(`${step}: server up`)
      } else if (roll < 0.45) {
        const block = random.pick(editableBlocks(client, editable))
        const text = random.text(6)
        const index = random.int(blockText(block).length + 1)
        insertText(block, index, text)
        trace.push(
          `${step}: ${client.name} inserts ${JSON.stringify(text)} at ${index} in ${uidOf(block)}`,
        )
      } else if (roll < 0.65) {
        const block = random.pick(editableBlocks(client, editable))
        const length = blockText(block).length
        const index = random.int(Math.max(length, 1))
        const count = 1 + random.int(4)
        deleteText(block, index, count)
        trace.push(`${step}: ${client.name} deletes ${count} at ${index} in ${uidOf(block)}`)
      } else if (roll < 0.69) {
        const sectionUid = random.pick(sections)
        const section = client.doc
          .getXmlFragment('default')
          .toArray()
          .find((node) => node instanceof Y.XmlElement && uidOf(node) === sectionUid)
        if (section instanceof Y.XmlElement) {
          const index = 1 + random.int(section.length)
          const uid = addParagraph(section, index, random.text(20))
          editable.add(uid)
          trace.push(`${step}: ${client.name} adds paragraph ${uid} at ${index} in ${sectionUid}`)
        }
      } else if (roll < 0.79) {
        if (client.provider.shouldConnect) client.disconnect()
        else client.connect()
        trace.push(
          `${step}: ${client.name} ${client.provider.shouldConnect ? 'online' : 'offline'}`,
        )
      } else if (roll < 0.81 && server.isRunning && outages < MAX_OUTAGES) {
        outages++
        trace.push(`${step}: server down (${await server.down(random)})`)
      } else {
        const ms = random.int(40)
        await pause(ms)
        trace.push(`${step}: pause ${ms} ms`)
      }
    }

    trace.push('settle: server up, every client online')
    if (!server.isRunning) await server.up()
    for (const client of clients) client.connect()
    await waitForConvergence(clients, 20_000)
    const expected = draftJson(clients[0]!.doc)
    const expectedVector = stateVector(clients[0]!.doc)
    const served = await fetchDraftDocument(server, DEMO_NEGOTIATION_ID)
    expect(served, `seed ${seed}: the server's draft`).toEqual(expected)

    trace.push('reload: clients offline, server restarted, fresh client')
    for (const client of clients) client.disconnect()
    await server.reload()
    const fresh = await connectClient(server.collabUrl, ROOM, { name: 'fresh' })
    clients.push(fresh)
    expect(draftJson(fresh.doc), `seed ${seed}: the stored draft`).toEqual(expected)
    expect(stateVector(fresh.doc), `seed ${seed}: the stored state vector`).toEqual(expectedVector)
  } finally {
    for (const client of clients) client.destroy()
    await server.dispose()
  }
}

describe('convergence under random edits, disconnects and server restarts', () => {
  const started = Date.now()
  SEEDS.forEach((seed, i) => {
    it(`seed ${seed}`, async () => {
      // Each seed gets an equal share of what is left of the budget.
      const share = (TIME_BUDGET_MS - (Date.now() - started)) / (SEEDS.length - i)
      const deadline = Date.now() + Math.max(share - SETTLE_MS, 1_000)
      const trace: string[] = []
      try {
        await runSeed(seed, deadline, trace)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        throw new Error(
          `seed ${seed} failed (replay: FUZZ_SEEDS=${seed}): ${message}\nlast steps:\n${trace
            .slice(-25)
            .join('\n')}`,
          { cause: error },
        )
      }
    })
  })
})
