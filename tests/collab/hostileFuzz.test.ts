import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createNegotiation } from '../../server/commands/createNegotiation.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { DRAFT_FRAGMENT, type ProposalRef } from '../../shared/draft/index.ts'
import type { DraftJSON } from '../../shared/numbering.ts'
import type { Role } from '../../shared/permissions.ts'
import { numberFromEnv, runSeed, seedsFromEnv } from '../faults/seeds.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { expectStoredAsLive } from '../helpers/storedAsLive.ts'
import { connectWithToken, eventually } from '../helpers/yClients.ts'
import {
  agreedView,
  footprints,
  recordsOf,
  refsInDraft,
  schemaProblem,
} from './hostileFuzz/draftInvariants.ts'
import { editDirectly, proposeHonestly } from './hostileFuzz/honestActions.ts'
import { HostileSocket } from './hostileFuzz/HostileSocket.ts'
import { hostileUpdate } from './hostileFuzz/hostileUpdates.ts'
import { Random } from './random.ts'

/**
 * A seeded fuzzer of hostile clients (issue 11). Three delegations send updates built from
 * every operation the Yjs format allows (hostileUpdates.ts), interleaved with a delegation
 * proposing honestly, a co-facilitator editing, and decisions and withdrawals over HTTP, one
 * step at a time through the real server. After each step:
 * - the agreed text changed only if the step was a co-facilitator's edit or a decision;
 * - no proposal changed owner, and no other delegation's proposal changed;
 * - every ref in the draft names its proposal's recorded delegation;
 * - the draft is a document of the schema, with unique uids;
 * - what the server judged is what it stored;
 * - the honest clients converge with the server, and none of their changes was refused.
 *
 * `HOSTILE_FUZZ_SEEDS=7,12` replays seeds; `HOSTILE_FUZZ_STEPS` sets the steps per seed;
 * `HOSTILE_FUZZ_TRACE=/tmp/trace` writes every step of seed n to `/tmp/trace.n`.
 */

const SEEDS = seedsFromEnv('HOSTILE_FUZZ_SEEDS', 3)
const STEPS = numberFromEnv('HOSTILE_FUZZ_STEPS', 700)
/**
 * Each seed stops early past this (`HOSTILE_FUZZ_BUDGET_MS`): a slow machine runs fewer steps
 * instead of timing out; the steps run are in the test's annotation.
 */
const BUDGET_MS = numberFromEnv('HOSTILE_FUZZ_BUDGET_MS', 40_000)
const HOSTILE = ['FRA', 'MAR', 'EGY'] as const
const HONEST = 'PHL'

/** What a seed's steps did: hostile updates sent, stored (in part) and closed on, and the rest. */
type Tally = Record<
  'steps' | 'hostile' | 'hostileStored' | 'hostileClosed' | 'honest' | 'edits' | 'decisions',
  number
>

/** A small draft: a preamble of three paragraphs, two objectives of two actions. */
function fuzzDraft(seed: number): DraftJSON {
  const uid = (name: string) => `fz${seed}-${name}`
  const text = (words: string) => [{ type: 'text', text: words }]
  const block = (type: string, name: string, words: string): DraftJSON => ({
    type,
    attrs: { uid: uid(name) },
    content: text(words),
  })
  const objective = (n: number): DraftJSON => ({
    type: 'objective',
    attrs: { uid: uid(`o${n}`) },
    content: [
      block('objectiveTitle', `o${n}t`, `Objectif ${n} : coopérer davantage`),
      block('commitment', `o${n}c`, 'Nous nous engageons à renforcer la coopération.'),
      block('action', `o${n}a`, 'Élaborer des politiques fondées sur des données factuelles.'),
      block('action', `o${n}b`, 'Échanger les bonnes pratiques entre États.'),
    ],
  })
  return {
    type: 'doc',
    content: [
      {
        type: 'section',
        attrs: { uid: uid('s1'), kind: 'preamble' },
        content: [
          block('sectionTitle', 's1t', 'Préambule'),
          block('paragraph', 'p1', 'Nous, chefs d’État et de gouvernement, réunis en 2018.'),
          {
            // Brackets from the start, for the hostile clients to try to take off.
            type: 'paragraph',
            attrs: { uid: uid('p2') },
            content: [
              { type: 'text', text: 'Les migrations ', marks: [{ type: 'bracketed' }] },
              { type: 'text', text: 'font partie de l’histoire humaine.' },
            ],
          },
          block('paragraph', 'p3', 'Le présent pacte repose sur la Charte des Nations Unies.'),
        ],
      },
      {
        type: 'section',
        attrs: { uid: uid('s2'), kind: 'objectives' },
        content: [block('sectionTitle', 's2t', 'Objectifs'), objective(1), objective(2)],
      },
    ],
  }
}

describe('a seeded fuzzer of hostile clients', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer({
      // The fuzzer sends thousands of refused updates: budgets are tested elsewhere.
      writerLimits: {
        refusals: 1_000_000,
        connections: 1_000_000,
        bytes: 2 ** 40,
        items: 2 ** 40,
        requests: 1_000_000,
        messages: 1_000_000_000,
      },
    })
    for (const name of ['fra', 'mar', 'egy', 'phl', 'che', 'mex']) {
      tokens[name] = await (await ApiClient.signedIn(server.url, name)).createToken()
    }
  })
  afterAll(() => server.close())

  for (const seed of SEEDS) {
    it(`keeps every rule through up to ${STEPS} steps (seed ${seed})`, async (context) => {
      const trace: string[] = []
      const tally: Tally = {
        steps: 0,
        hostile: 0,
        hostileStored: 0,
        hostileClosed: 0,
        honest: 0,
        edits: 0,
        decisions: 0,
      }
      const started = Date.now()
      const traceFile = process.env.HOSTILE_FUZZ_TRACE
      try {
        await runSeed({ seed, variable: 'HOSTILE_FUZZ_SEEDS', trace }, () =>
          runFuzz(seed, trace, tally),
        )
      } finally {
        if (traceFile) fs.writeFileSync(`${traceFile}.${seed}`, trace.join('\n'))
      }
      await context.annotate(JSON.stringify({ seed, ms: Date.now() - started, ...tally }))
      expect(tally.steps, 'steps run within the budget').toBeGreaterThanOrEqual(
        Math.min(STEPS, 100),
      )
    })
  }

  async function openNegotiation(seed: number): Promise<string> {
    const id = `fuzz-${seed}`
    const { context } = server
    await createNegotiation({
      context,
      actor: null,
      id,
      title: 'Fuzz',
      language: 'fr',
      draft: fuzzDraft(seed),
    })
    const roles: [string, string, Role][] = [
      ['fra', 'FRA', 'delegation'],
      ['mar', 'MAR', 'delegation'],
      ['egy', 'EGY', 'delegation'],
      ['phl', 'PHL', 'delegation'],
      ['che', 'CHE', 'coFacilitator'],
      ['mex', 'MEX', 'coFacilitator'],
    ]
    for (const [username, code, role] of roles) {
      await context.negotiations.seatDelegation(
        id,
        code,
        role === 'coFacilitator' ? 'coFacilitator' : 'delegation',
      )
      const user = await context.users.findByUsername(username)
      await context.users.setRole(user!.id, id, role)
    }
    return id
  }

  async function runFuzz(seed: number, trace: string[], tally: Tally): Promise<void> {
    const deadline = Date.now() + BUDGET_MS
    const random = new Random(seed)
    const negotiationId = await openNegotiation(seed)
    const roomName = draftRoomName(negotiationId)
    const collabUrl = `${server.url.replace(/^http/, 'ws')}/collab/${roomName}`
    // Client ids from the seed, so that a run replays; an honest client's id never changes
    // (Yjs changes it when it receives structs under it that it did not write).
    const honestDoc = (offset: number) => {
      const doc = new Y.Doc()
      doc.clientID = 100_000 * seed + offset
      return doc
    }
    const phl = connectWithToken({
      doc: honestDoc(1),
      baseUrl: server.url,
      negotiationId,
      token: tokens.phl!,
      isDraftroomClient: true,
    })
    const che = connectWithToken({
      doc: honestDoc(2),
      baseUrl: server.url,
      negotiationId,
      token: tokens.che!,
      isDraftroomClient: true,
    })
    const hostile = Object.fromEntries(
      HOSTILE.map((code) => [
        code,
        new HostileSocket(`${collabUrl}?access_token=${tokens[code.toLowerCase()]!}`),
      ]),
    ) as Record<(typeof HOSTILE)[number], HostileSocket>
    const mex = new ApiClient(server.url)
    mex.bearer = tokens.mex!
    const phlApi = new ApiClient(server.url)
    phlApi.bearer = tokens.phl!
    const ownClientIds = new Map<string, number[]>(HOSTILE.map((code) => [code, []]))
    const earlier: Uint8Array[] = []
    let serial = 0
    const newProposalId = () => `fz${seed}-${(serial++).toString(36).padStart(4, '0')}`
    const owners = new Map<string, string>()

    try {
      await Promise.all([phl.synced(), che.synced()])
      const live = async () => (await server.context.rooms.peek(roomName))!.doc
      for (let step = 0; step < STEPS && Date.now() < deadline; step++) {
        tally.steps++
        const doc = await live()
        const agreedBefore = agreedView(doc)
        const roll = random.next()
        let actor = '?'
        let description = ''
        let mayChangeAgreed = false
        try {
          if (roll < 0.62) {
            const code = random.pick(HOSTILE)
            actor = code
            const made = hostileUpdate({
              random,
              delegation: code,
              base: Y.encodeStateAsUpdate(doc),
              ownClientIds: ownClientIds.get(code)!,
              othersClientIds: [
                phl.doc.clientID,
                che.doc.clientID,
                doc.clientID,
                ...HOSTILE.filter((other) => other !== code).flatMap((other) =>
                  ownClientIds.get(other)!,
                ),
              ],
              refsInDraft: refsInDraft(doc),
              ownOpenIds: [...recordsOf(doc).values()]
                .filter((record) => record.delegation === code && record.status === 'open')
                .map((record) => record.id),
              earlier,
              newProposalId,
            })
            description = made.description
            const svBefore = Y.decodeStateVector(Y.encodeStateVector(doc))
            const clientsBefore = new Set(svBefore.keys())
            const before = footprints(doc, code)
            const outcome = await hostile[code].send(made.update, Y.encodeStateVector(await live()))
            earlier.push(made.update)
            if (earlier.length > 40) earlier.shift()
            const after = await live()
            for (const client of Y.decodeStateVector(Y.encodeStateVector(after)).keys()) {
              if (!clientsBefore.has(client)) ownClientIds.get(code)!.push(client)
            }
            const grew = [...Y.decodeStateVector(Y.encodeStateVector(after))].filter(
              ([client, clock]) => svBefore.get(client) !== clock,
            )
            description += ` → ${outcome}${grew.length > 0 ? ` (stored ${JSON.stringify(grew)})` : ''}`
            tally.hostile++
            if (grew.length > 0) tally.hostileStored++
            if (outcome === 'closed') tally.hostileClosed++
            expectOthersUntouched(before, footprints(after, code), owners, code)
          } else if (roll < 0.77) {
            actor = HONEST
            const before = footprints(doc, HONEST)
            description = proposeHonestly(phl.doc, random, HONEST, newProposalId)
            tally.honest++
            await converged(phl.doc, live, phl.notices)
            expectOthersUntouched(before, footprints(await live(), HONEST), owners, HONEST)
          } else if (roll < 0.87) {
            actor = 'CHE'
            mayChangeAgreed = true
            description = editDirectly(che.doc, random)
            tally.edits++
            await converged(che.doc, live, che.notices)
          } else {
            actor = 'MEX'
            mayChangeAgreed = true
            tally.decisions++
            const open = [...recordsOf(doc).values()].filter((record) => record.status === 'open')
            if (open.length === 0) {
              description = 'no open proposal'
            } else {
              const chosen = random.pick(open)
              if (chosen.delegation === HONEST && random.chance(0.3)) {
                description = `PHL withdraws ${chosen.id}`
                const { status } = await phlApi.json(
                  'POST',
                  `/api/negotiations/${negotiationId}/proposals/${chosen.id}/withdraw`,
                )
                expect(status, description).toBe(200)
              } else {
                const decision = random.pick(['accept', 'reject'] as const)
                description = `${decision} ${chosen.id} of ${chosen.delegation}`
                const { status } = await mex.json(
                  'POST',
                  `/api/negotiations/${negotiationId}/proposals/${chosen.id}/${decision}`,
                )
                expect(status, description).toBe(200)
              }
            }
          }
          trace.push(`${step} ${actor}: ${description}`)
          const doc2 = await live()
          expectNewRefsOf(doc2, owners, actor === 'CHE' ? 'co-facilitators' : actor)
          if (!mayChangeAgreed)
            expect(agreedView(doc2), `agreed text after ${description}`).toBe(agreedBefore)
          expectAttributed(doc2, owners)
          expect(schemaProblem(doc2), `schema after ${description}`).toBeNull()
          expect(doc2.store.pendingStructs, 'pending structs').toBeNull()
          expect(doc2.store.pendingDs, 'pending deletions').toBeNull()
          await expectStoredAsLive(server.context, roomName)
          await converged(phl.doc, live, phl.notices)
          await converged(che.doc, live, che.notices)
          expect([phl.doc.clientID, che.doc.clientID], 'honest client ids').toEqual([
            100_000 * seed + 1,
            100_000 * seed + 2,
          ])
        } catch (error) {
          // The failing step itself is the one to read first.
          if (trace.length === step) trace.push(`${step} ${actor}: ${description} ← failed here`)
          throw error
        }
      }
      trace.push(
        `hostile connections closed: ${HOSTILE.map((code) => hostile[code].closedCount).join(', ')}`,
      )
    } finally {
      phl.destroy()
      che.destroy()
      for (const code of HOSTILE) hostile[code].close()
    }
  }
})

/** Waits until an honest client holds exactly the server's draft, none of its changes refused. */
async function converged(
  doc: Y.Doc,
  live: () => Promise<Y.Doc>,
  notices: readonly { code: string; message: string }[],
): Promise<void> {
  await eventually(async () => {
    expect(notices, 'an honest client was refused').toEqual([])
    const server = await live()
    expect(Y.decodeStateVector(Y.encodeStateVector(doc))).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(server)),
    )
    expect(doc.getXmlFragment(DRAFT_FRAGMENT).toJSON()).toBe(
      server.getXmlFragment(DRAFT_FRAGMENT).toJSON(),
    )
  }, 10_000)
}

/** No proposal of another delegation than `writer` changed in the text. */
function expectOthersUntouched(
  before: Map<string, string>,
  after: Map<string, string>,
  owners: Map<string, string>,
  writer: string,
): void {
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const owner = owners.get(id)
    if (owner === writer || (owner === undefined && !before.has(id))) continue
    expect(after.get(id), `proposal ${id} of ${owner ?? '?'} after ${writer}'s step`).toBe(
      before.get(id),
    )
  }
}

/** Proposals that appeared in a step are the stepping writer's own (a decision adds none). */
function expectNewRefsOf(doc: Y.Doc, owners: Map<string, string>, writer: string): void {
  for (const ref of refsInDraft(doc)) {
    if (owners.has(ref.proposalId)) continue
    expect(ref.delegation, `new proposal ${ref.proposalId} after ${writer}'s step`).toBe(writer)
  }
}

/** Every ref names its proposal's recorded delegation, which never changes. */
function expectAttributed(doc: Y.Doc, owners: Map<string, string>): void {
  const records = recordsOf(doc)
  for (const [id, record] of records) {
    const owner = owners.get(id)
    if (owner === undefined) owners.set(id, record.delegation)
    else expect(record.delegation, `owner of ${id}`).toBe(owner)
  }
  for (const ref of refsInDraft(doc) as ProposalRef[]) {
    expect(records.get(ref.proposalId)?.delegation, `record of ${ref.proposalId}`).toBe(
      ref.delegation,
    )
  }
}
