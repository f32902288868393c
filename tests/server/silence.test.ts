import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SilenceProcedure } from '../../shared/silence/silenceSchema.ts'
import { createTestStorage, removeTestStorage } from '../helpers/servers/index.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { blockByUid, connectWithToken, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const HOUR = 60 * 60 * 1000

/** Starts a procedure on the negotiation's first revision, for the tests with a server each. */
async function startOnFirstRevision(
  che: ApiClient,
  request: { deadline: string; note: string },
): Promise<SilenceProcedure> {
  const { body: list } = await che.json<{ revisions: { id: string }[] }>(
    'GET',
    `/api/negotiations/${NID}/revisions`,
  )
  const { body } = await che.json<SilenceProcedure>('POST', `/api/negotiations/${NID}/silence`, {
    revisionId: list.revisions[0]!.id,
    ...request,
  })
  return body
}

describe('silence procedure on the server, by its clock', () => {
  let clock = Date.parse('2026-03-23T14:00:00Z')
  let server: Awaited<ReturnType<typeof startTestServer>>
  let che: ApiClient
  let fra: ApiClient
  let mar: ApiClient
  let iom: ApiClient
  let revisionId = ''
  const open: { destroy(): void }[] = []

  beforeAll(async () => {
    server = await startTestServer({ now: () => new Date(clock) })
    che = await ApiClient.signedIn(server.url, 'che')
    fra = await ApiClient.signedIn(server.url, 'fra')
    mar = await ApiClient.signedIn(server.url, 'mar')
    iom = await ApiClient.signedIn(server.url, 'iom')
    const revisions = await che.json<{ revisions: { id: string; symbol: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/revisions`,
    )
    revisionId = revisions.body.revisions.find((r) => r.symbol === 'Avant-projet')?.id ?? ''
  })
  afterEach(async () => {
    for (const client of open.splice(0)) client.destroy()
    // End whatever still runs, so that each test starts with an unfrozen draft.
    const { body } = await che.json<{ procedures: SilenceProcedure[] }>(
      'GET',
      `/api/negotiations/${NID}/silence`,
    )
    for (const p of body.procedures.filter((p) => p.status === 'running')) {
      await che.json('POST', `/api/negotiations/${NID}/silence/${p.id}/cancel`)
    }
  })
  afterAll(() => server.close())

  const start = (body: Record<string, unknown> = {}, who = che) =>
    who.json<SilenceProcedure & { error?: { code: string } }>(
      'POST',
      `/api/negotiations/${NID}/silence`,
      {
        revisionId,
        note: 'Texte soumis à la procédure d’approbation tacite.',
        ...body,
      },
    )
  const act = (id: string, action: string, body: unknown = {}, who = fra) =>
    who.json<SilenceProcedure & { error?: { code: string } }>(
      'POST',
      `/api/negotiations/${NID}/silence/${id}/${action}`,
      body,
    )
  const get = async (id: string) =>
    (await che.json<SilenceProcedure>('GET', `/api/negotiations/${NID}/silence/${id}`)).body
  const deadlineIn = (ms: number) => new Date(clock + ms).toISOString()

  it('starts with New York and 72 hours by default, and refuses bad starts', async () => {
    expect((await start({}, fra)).status).toBe(403)
    expect((await start({ deadline: deadlineIn(-1) })).status).toBe(400)
    expect(
      (await start({ deadline: '2026-03-30T18:00', timeZone: 'Mars/Olympus' })).body.error?.code,
    ).toBe('unknown_time_zone')
    expect((await start({ revisionId: 'rev-doesnotexist' })).status).toBe(404)
    const started = await start()
    expect(started.status).toBe(201)
    expect(started.body).toMatchObject({ status: 'running', timeZone: 'America/New_York' })
    expect(Date.parse(started.body.deadline) - clock).toBeGreaterThanOrEqual(72 * HOUR)
    expect((await start()).status).toBe(409)
  })

  it('resolves a deadline given in New York time', async () => {
    const started = await start({ deadline: '2026-03-30T18:00', timeZone: 'America/New_York' })
    // 30 March 2026 is in daylight time in New York (UTC-4).
    expect(started.body.deadline).toBe('2026-03-30T22:00:00.000Z')
  })

  it('freezes the draft for every role while it runs', async () => {
    const { body } = await start({ deadline: deadlineIn(HOUR) })
    const tokens = await Promise.all([fra.createToken(), che.createToken()])
    const [fraClient, cheClient] = tokens.map((token) =>
      connectWithToken({ baseUrl: server.url, negotiationId: NID, token, isDraftroomClient: true }),
    )
    open.push(fraClient!, cheClient!)
    await Promise.all([fraClient!.synced(), cheClient!.synced()])
    textOf(blockByUid(fraClient!.doc, 'p-03')).insert(0, 'Proposé ', {
      insertion: { proposalId: 'frozen-fra-1', delegation: 'FRA' },
    })
    textOf(blockByUid(cheClient!.doc, 'p-03')).insert(0, 'Direct ')
    await eventually(() => {
      expect(fraClient!.notices.map((n) => n.code)).toContain('frozen')
      expect(cheClient!.notices.map((n) => n.code)).toContain('frozen')
    })
    const draft = await che.json<{ document: unknown }>('GET', `/api/negotiations/${NID}/draft`)
    expect(JSON.stringify(draft.body.document)).not.toMatch(/Proposé |Direct /)
    const decision = await che.json(
      'POST',
      `/api/negotiations/${NID}/proposals/demo-mar-07b/accept`,
    )
    expect(decision.status).toBe(409)
    expect((await act(body.id, 'cancel', {}, che)).body.status).toBe('cancelled')
  })

  it('is broken by a delegation with a statement, and negotiation resumes', async () => {
    const { body } = await start({ deadline: deadlineIn(HOUR) })
    expect((await act(body.id, 'break', { statement: '   ' })).status).toBe(400)
    expect((await act(body.id, 'break', { statement: 'Non.' }, che)).status).toBe(403)
    expect((await act(body.id, 'break', { statement: 'Non.' }, iom)).status).toBe(403)
    const broken = await act(body.id, 'break', {
      statement: 'La France ne peut accepter le paragraphe 23.',
    })
    expect(broken.body).toMatchObject({
      status: 'broken',
      brokenBy: { delegation: 'FRA', statement: 'La France ne peut accepter le paragraphe 23.' },
    })
    expect((await act(body.id, 'break', { statement: 'Moi aussi.' }, mar)).status).toBe(409)
    expect(
      (await che.json('POST', `/api/negotiations/${NID}/proposals/demo-bra-15b/support`)).status,
    ).toBe(403)
    expect(
      (await mar.json('POST', `/api/negotiations/${NID}/proposals/demo-bra-15b/support`)).status,
    ).toBe(200)
    expect(
      (await che.json('POST', `/api/negotiations/${NID}/proposals/demo-bra-15b/reject`)).status,
    ).toBe(200)
  })

  it('extends only later and only before the deadline; cancels', async () => {
    const { body } = await start({ deadline: deadlineIn(HOUR) })
    expect(
      (await act(body.id, 'extend', { deadline: deadlineIn(HOUR) }, che)).body.error?.code,
    ).toBe('not_later')
    expect((await act(body.id, 'extend', { deadline: deadlineIn(2 * HOUR) }, fra)).status).toBe(403)
    const extended = await act(body.id, 'extend', { deadline: deadlineIn(3 * HOUR) }, che)
    expect(extended.body.deadline).toBe(deadlineIn(3 * HOUR))
    expect(extended.body.extensions).toHaveLength(1)
    expect((await act(body.id, 'cancel', {}, che)).body.status).toBe('cancelled')
    expect((await act(body.id, 'cancel', {}, che)).status).toBe(409)
  })

  it('honours the deadline to the millisecond', async () => {
    const first = (await start({ deadline: deadlineIn(HOUR) })).body
    clock = Date.parse(first.deadline) - 1
    expect((await act(first.id, 'break', { statement: 'Juste à temps.' })).body.status).toBe(
      'broken',
    )

    const second = (await start({ deadline: deadlineIn(HOUR) })).body
    clock = Date.parse(second.deadline)
    const late = await act(second.id, 'break', { statement: 'Trop tard.' })
    expect(late.status).toBe(409)
    expect(late.body.error?.code).toBe('deadline_passed')
    expect(await get(second.id)).toMatchObject({ status: 'adopted', endedAt: second.deadline })
    expect((await start()).body.error?.code).toBe('adopted')
    // Adopted: the draft stays locked; delegations may explain their position, once.
    expect(
      (await act(second.id, 'explain', { text: 'Le Maroc se joint au consensus.' }, mar)).status,
    ).toBe(200)
    expect((await act(second.id, 'explain', { text: 'Encore.' }, mar)).status).toBe(409)
    const history = await che.json<{ procedures: SilenceProcedure[] }>(
      'GET',
      `/api/negotiations/${NID}/silence`,
    )
    expect(history.body.procedures.map((p) => p.status)).toContain('adopted')
    const audit = await che.json<{
      events: { action: string; details: { procedureId?: string } }[]
    }>('GET', `/api/negotiations/${NID}/audit`)
    const adoptions = audit.body.events.filter(
      (e) => e.action === 'silence.adopted' && e.details.procedureId === second.id,
    )
    expect(adoptions).toHaveLength(1)
  })
})

describe('silence across restarts and races', () => {
  it('settles a deadline that passed while the server was down, as of its deadline', async () => {
    const storage = await createTestStorage('draftroom-silence-')
    let clock = Date.parse('2026-11-01T12:00:00Z')
    let server = await startTestServer({ storage, now: () => new Date(clock) })
    try {
      const che = await ApiClient.signedIn(server.url, 'che')
      const body = await startOnFirstRevision(che, {
        deadline: '2026-11-02T09:00',
        note: 'Approbation tacite.',
      })
      // 2 November is in standard time in New York again (UTC-5).
      expect(body.deadline).toBe('2026-11-02T14:00:00.000Z')
      await server.close()
      clock = Date.parse('2026-11-05T08:00:00Z')
      server = await startTestServer({ storage, now: () => new Date(clock) })
      const che2 = await ApiClient.signedIn(server.url, 'che')
      const settled = await che2.json<SilenceProcedure>(
        'GET',
        `/api/negotiations/${NID}/silence/${body.id}`,
      )
      expect(settled.body).toMatchObject({ status: 'adopted', endedAt: '2026-11-02T14:00:00.000Z' })
    } finally {
      await server.close()
      await removeTestStorage(storage)
    }
  })

  it('records one outcome when a break and the deadline meet at the same instant', async () => {
    let clock = Date.parse('2026-05-28T12:00:00Z')
    const server = await startTestServer({ now: () => new Date(clock) })
    try {
      const che = await ApiClient.signedIn(server.url, 'che')
      const fra = await ApiClient.signedIn(server.url, 'fra')
      const body = await startOnFirstRevision(che, {
        deadline: new Date(clock + HOUR).toISOString(),
        note: 'Course.',
      })
      clock = Date.parse(body.deadline)
      const results = await Promise.all([
        fra.json('POST', `/api/negotiations/${NID}/silence/${body.id}/break`, {
          statement: 'Au même instant.',
        }),
        che.json('GET', `/api/negotiations/${NID}/silence/${body.id}`),
        fra.json('POST', `/api/negotiations/${NID}/silence/${body.id}/break`, {
          statement: 'Encore.',
        }),
      ])
      expect(results[0].status).toBe(409)
      expect(results[2].status).toBe(409)
      const audit = await che.json<{ events: { action: string }[] }>(
        'GET',
        `/api/negotiations/${NID}/audit`,
      )
      const endings = audit.body.events.filter((e) =>
        ['silence.adopted', 'silence.broken'].includes(e.action),
      )
      expect(endings.map((e) => e.action)).toEqual(['silence.adopted'])
    } finally {
      await server.close()
    }
  })

  it('adopts by itself at the deadline and every connected client sees it at once', async () => {
    const server = await startTestServer()
    try {
      const che = await ApiClient.signedIn(server.url, 'che')
      const fra = await ApiClient.signedIn(server.url, 'fra')
      const client = connectWithToken({
        baseUrl: server.url,
        negotiationId: NID,
        token: await fra.createToken(),
      })
      await client.synced()
      const body = await startOnFirstRevision(che, {
        deadline: new Date(Date.now() + 1_200).toISOString(),
        note: 'Courte.',
      })
      const seen = () => client.doc.getMap('silence').get(body.id) as SilenceProcedure | undefined
      await eventually(() => expect(seen()?.status).toBe('running'))
      await eventually(
        () => expect(seen()).toMatchObject({ status: 'adopted', endedAt: body.deadline }),
        5_000,
      )
      client.destroy()
    } finally {
      await server.close()
    }
  })
})
