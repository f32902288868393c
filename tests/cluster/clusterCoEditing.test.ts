import { isDeepStrictEqual } from 'node:util'
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { CloseReason, draftRoomName } from '../../shared/collabProtocol.ts'
import { PROPOSALS_MAP } from '../../shared/draft/index.ts'
import { LOGIN_ATTEMPTS_PER_MINUTE, MAX_REFUSED_CHANGES_PER_MINUTE } from '../../shared/limits.ts'
import { syncUpdateMessage } from '../../server/collab/messages.ts'
import { RawSocket } from '../helpers/rawSocket.ts'
import { presenceColor } from '../../shared/presence.ts'
import type { SilenceProcedure } from '../../shared/silence/silenceSchema.ts'
import { ApiClient } from '../helpers/accounts.ts'
import {
  ClusterProcesses,
  TEST_REDIS_URL,
  onDatabase,
  storedDocument,
} from '../helpers/servers/index.ts'
import { fetchDraftDocument } from '../helpers/fetchDraft.ts'
import {
  type YClient,
  blockByUid,
  blockText,
  connectClient,
  draftJson,
  draftText,
  insertText,
  pickBlocks,
  uidOf,
  waitFor,
  waitForConvergence,
  connectWithToken,
  deltaOf,
  textOf,
  tryUpgrade,
} from '../helpers/yClients.ts'

const NID = DEMO_NEGOTIATION_ID

/** A proposal record written by a client: only the server writes records, always refused. */
const forgedRecord = (n: number): Uint8Array => {
  const doc = new Y.Doc()
  doc.getMap(PROPOSALS_MAP).set(`forged-${n}`, { id: `forged-${n}`, status: 'accepted' })
  return syncUpdateMessage(Y.encodeStateAsUpdate(doc))
}
const ROOM = draftRoomName(NID)

let cluster: ClusterProcesses
const clients: YClient[] = []
const rawClients: { destroy(): void }[] = []

beforeAll(async () => {
  cluster = await ClusterProcesses.start(3, { env: { LOG_LEVEL: 'debug' } })
})

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
  for (const client of rawClients.splice(0)) client.destroy()
})

afterAll(async () => {
  await cluster?.dispose()
})

async function joinOn(index: number, name: string): Promise<YClient> {
  const client = await connectClient(cluster.at(index).collabUrl, ROOM, { name, draftroom: true })
  clients.push(client)
  return client
}

/** A stock client of `user` (a demo account) on process `index`. */
async function joinAs(index: number, user: string) {
  const api = await ApiClient.signedIn(cluster.at(index).url, user)
  const client = connectWithToken({
    baseUrl: cluster.at(index).url,
    negotiationId: NID,
    token: await api.createToken(),
    isDraftroomClient: true,
  })
  rawClients.push(client)
  await client.synced()
  return client
}

describe('one room served by three processes', () => {
  it('says on /healthz which storage and which peers each process sees', async () => {
    await waitFor(
      async () => {
        const bodies = await Promise.all(
          cluster.processes.map(async (server) => {
            const response = await fetch(`${server.url}/healthz`)
            return (await response.json()) as {
              storage: string
              cluster: { processId: string; redisPrefix: string; peers: string[] }
            }
          }),
        )
        const ids = bodies.map((body) => body.cluster.processId).sort()
        return bodies.every(
          (body) =>
            body.storage === 'postgres' &&
            body.cluster.redisPrefix === cluster.redisPrefix &&
            JSON.stringify([...body.cluster.peers].sort()) === JSON.stringify(ids),
        )
      },
      5_000,
      () => 'three processes, each seeing the three',
    )
  })

  it('converges: what a client on one process types, clients on the others see', async () => {
    const [a, b, c] = await Promise.all([joinOn(0, 'A'), joinOn(1, 'B'), joinOn(2, 'C')])
    const [block] = pickBlocks(a.doc, 1, { minLength: 12 })
    const uid = uidOf(block!)!
    insertText(blockByUid(a.doc, uid), 0, 'A1 ')
    insertText(blockByUid(b.doc, uid), 0, 'B1 ')
    insertText(blockByUid(c.doc, uid), 0, 'C1 ')
    await waitForConvergence([a, b, c])
    for (const word of ['A1 ', 'B1 ', 'C1 ']) {
      expect(blockText(blockByUid(a.doc, uid))).toContain(word)
    }
    // Each client hears it is saved from its own process, once the owner has committed.
    await waitFor(
      () => [a, b, c].every((client) => client.isSaved),
      5_000,
      () => 'all saved',
    )
    for (const server of cluster.processes) {
      expect(await fetchDraftDocument(server, NID)).toEqual(draftJson(a.doc))
    }
    expect(draftJson(await storedDocument(cluster.storage.databaseUrl!, ROOM))).toEqual(
      draftJson(a.doc),
    )
  })

  it('carries presence across processes, stamped by the process the client is on', async () => {
    const [a, b, c] = await Promise.all([joinOn(0, 'A'), joinOn(1, 'B'), joinOn(2, 'C')])
    const [block] = pickBlocks(a.doc, 1)
    const cursor = { uid: uidOf(block!), anchor: 2, head: 5 }
    a.provider.awareness.setLocalStateField('user', { name: 'France', delegation: 'FRA' })
    a.provider.awareness.setLocalStateField('cursor', cursor)
    const expected = {
      user: {
        name: 'Jürg Lauber',
        delegation: 'CHE',
        role: 'coFacilitator',
        color: presenceColor('CHE', 'coFacilitator', new Map()),
      },
      cursor,
    }
    const presenceOfA = (client: YClient) =>
      client.provider.awareness.getStates().get(a.doc.clientID)
    await waitFor(
      () => [b, c].every((client) => isDeepStrictEqual(presenceOfA(client), expected)),
      5_000,
      () => `A's presence on B and C: ${JSON.stringify([presenceOfA(b), presenceOfA(c)])}`,
    )
    a.destroy()
    await waitFor(
      () => [b, c].every((client) => presenceOfA(client) === undefined),
      5_000,
      () => `A's presence gone from B and C`,
    )
  })

  it('an accept sent over HTTP to one process reaches, live, the clients of the others', async () => {
    const fra = await joinAs(0, 'fra')
    const onOne = await joinOn(1, 'on 1')
    const onTwo = await joinOn(2, 'on 2')
    textOf(blockByUid(fra.doc, 'obj-07-a')).insert(0, 'Sans délai, ', {
      insertion: { proposalId: 'cluster-acc-1', delegation: 'FRA' },
    })
    const marked = (client: YClient) =>
      JSON.stringify(draftJson(client.doc)).includes('cluster-acc-1')
    await waitFor(
      () => marked(onOne) && marked(onTwo),
      5_000,
      () => 'the proposal everywhere',
    )

    const che = await ApiClient.signedIn(cluster.at(2).url, 'che')
    const accepted = await che.json(
      'POST',
      `/api/negotiations/${NID}/proposals/cluster-acc-1/accept`,
      {},
    )
    expect(accepted.status).toBe(200)
    // Agreed text: still there, without its mark, on every process's clients.
    for (const client of [onOne, onTwo]) {
      await waitFor(
        () => !marked(client),
        5_000,
        () => `${client.name} sees the accept`,
      )
      expect(draftText(client.doc)).toContain('Sans délai, ')
    }
    await waitFor(() => !deltaOf(textOf(blockByUid(fra.doc, 'obj-07-a')))[0]?.attributes, 5_000)
    const { body } = await che.json<{ proposals: { id: string; status: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/proposals`,
    )
    expect(body.proposals.find((p) => p.id === 'cluster-acc-1')?.status).toBe('accepted')
  })

  it('refuses a forbidden edit sent to another process than the owner, and stores it nowhere', async () => {
    // France's open proposal, written through process 0 (the first to open the room: owner).
    const fra = await joinAs(0, 'fra')
    textOf(blockByUid(fra.doc, 'obj-08-a')).insert(0, 'Proposition française. ', {
      insertion: { proposalId: 'cluster-fra-2', delegation: 'FRA' },
    })
    const witness = await joinOn(2, 'witness')
    await waitFor(() => draftText(witness.doc).includes('Proposition française.'), 5_000)
    // Morocco, on process 1, writes into France's proposal, under France's name.
    const mar = await joinAs(1, 'mar')
    await waitFor(() => draftText(mar.doc).includes('Proposition française.'), 5_000)
    textOf(blockByUid(mar.doc, 'obj-08-a')).insert(0, 'FORGED ', {
      insertion: { proposalId: 'cluster-fra-2', delegation: 'FRA' },
    })
    await waitFor(
      () => mar.notices.some((notice) => notice.code === 'refused_change'),
      5_000,
      () => `Morocco's refusal: ${JSON.stringify(mar.notices)}`,
    )
    // A later edit, accepted, shows the refused one had its chance to spread.
    insertText(blockByUid(witness.doc, 'obj-08-a'), 0, 'Après. ')
    await waitFor(() => draftText(fra.doc).includes('Après. '), 5_000)
    for (const server of cluster.processes) {
      expect(JSON.stringify(await fetchDraftDocument(server, NID))).not.toContain('FORGED')
    }
    expect(draftText(witness.doc)).not.toContain('FORGED')
    expect(draftText(fra.doc)).not.toContain('FORGED')
    const stored = await storedDocument(cluster.storage.databaseUrl!, ROOM)
    expect(draftText(stored)).toContain('Après. ')
    expect(draftText(stored)).not.toContain('FORGED')
    const audit = await (
      await ApiClient.signedIn(cluster.at(0).url, 'che')
    ).json<{ events: { action: string; details: { code?: string } }[] }>(
      'GET',
      `/api/negotiations/${NID}/audit`,
    )
    expect(
      audit.body.events.filter(
        (e) => e.action === 'collab.refused' && e.details.code === 'refused_change',
      ),
    ).toHaveLength(1)
  })

  it('counts sign-in attempts across processes: trying every process in turn gains nothing', async () => {
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE + 2; i++) {
      const response = await fetch(`${cluster.at(i % 3).url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bra', password: `wrong-${i}` }),
      })
      statuses.push(response.status)
    }
    expect(statuses.slice(0, LOGIN_ATTEMPTS_PER_MINUTE).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(LOGIN_ATTEMPTS_PER_MINUTE)).toEqual([429, 429])
  })

  it('shares the refusal budget: closed on one process, refused on the others', async () => {
    const api = await ApiClient.signedIn(cluster.at(1).url, 'egy')
    const token = await api.createToken()
    const withToken = (index: number) =>
      `${cluster.at(index).collabUrl}/${ROOM}?access_token=${encodeURIComponent(token)}`
    const script = new RawSocket(withToken(1), { timeoutMs: 20_000 })
    await script.opened()
    for (let n = 0; n <= MAX_REFUSED_CHANGES_PER_MINUTE + 5; n++) {
      await script.send(forgedRecord(n)).catch(() => undefined)
    }
    expect(await script.closed).toEqual({
      code: CloseReason.tooManyRefusals.code,
      reason: CloseReason.tooManyRefusals.reason,
    })
    // The closing process sends the spent budget to Redis at once (within its 500 ms sync at
    // worst); every other process reads the user's counts before an upgrade.
    await new Promise((resolve) => setTimeout(resolve, 600))
    for (const index of [0, 2]) expect(await tryUpgrade(withToken(index))).toEqual({ status: 429 })
  })

  it('adopts a silence deadline once when three processes run its timer', async () => {
    const che = await ApiClient.signedIn(cluster.at(0).url, 'che')
    const revisions = await che.json<{ revisions: { id: string; symbol: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/revisions`,
    )
    const revisionId = revisions.body.revisions.find((r) => r.symbol === 'Avant-projet')!.id
    const started = await che.json<SilenceProcedure>('POST', `/api/negotiations/${NID}/silence`, {
      revisionId,
      note: 'Procédure d’approbation tacite.',
      deadline: new Date(Date.now() + 73 * 3_600_000).toISOString(),
    })
    expect(started.status).toBe(201)
    // Every process learns the draft is frozen, whichever received the start.
    const fra = await joinAs(2, 'fra')
    textOf(blockByUid(fra.doc, 'obj-09-a')).insert(0, 'Pendant le silence. ', {
      insertion: { proposalId: 'cluster-silence-1', delegation: 'FRA' },
    })
    await waitFor(() => fra.notices.some((notice) => notice.code === 'frozen'), 5_000)

    // The deadline brought to a few seconds from now in the database, and every process told
    // to read it again (the signal an extension sends): each reschedules its own timer, and
    // the three fire together.
    const deadline = new Date(Date.now() + 3_000)
    await onDatabase(cluster.storage.databaseUrl!, async (db) => {
      const { rows } = await db.query<{ state_json: string }>(
        'select state_json from silence_procedures where id = $1',
        [started.body.id],
      )
      const state = {
        ...(JSON.parse(rows[0]!.state_json) as Record<string, unknown>),
        deadline: deadline.toISOString(),
      }
      await db.query('update silence_procedures set deadline = $1, state_json = $2 where id = $3', [
        deadline.toISOString(),
        JSON.stringify(state),
        started.body.id,
      ])
    })
    const redis = new Redis(TEST_REDIS_URL)
    await redis.publish(`${cluster.redisPrefix}:silence`, JSON.stringify({ negotiationId: NID }))
    redis.disconnect()
    const api = await ApiClient.signedIn(cluster.at(1).url, 'che')
    await waitFor(
      async () =>
        (
          await api.json<SilenceProcedure>(
            'GET',
            `/api/negotiations/${NID}/silence/${started.body.id}`,
          )
        ).body.status === 'adopted',
      15_000,
      () => 'adoption',
    )
    // Let every timer have fired, then count: one adoption in the audit log.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const audit = await api.json<{ events: { action: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/audit`,
    )
    expect(audit.body.events.filter((e) => e.action === 'silence.adopted')).toHaveLength(1)
    expect(
      cluster.processes.filter((server) =>
        server.logs.some(
          (line) => line.run === server.runs && line.msg === 'silence deadline reached',
        ),
      ),
    ).toHaveLength(3)
  })
})
