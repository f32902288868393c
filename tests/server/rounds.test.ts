import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RevisionSummary } from '../../shared/revisions.ts'
import { Round, RoundList } from '../../shared/rounds.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'

const NID = 'pacte-mondial'
const API = `/api/negotiations/${NID}`

type Server = Awaited<ReturnType<typeof startTestServer>>

describe('rounds of a negotiation', () => {
  let server: Server
  let clock = new Date('2018-02-10T09:00:00Z')
  let che: ApiClient

  beforeAll(async () => {
    // The clock walks through February and March 2018: sessions must outlive it.
    server = await startTestServer({ now: () => clock, sessionTtlMs: 400 * 86_400_000 })
    che = await ApiClient.signedIn(server.url, 'che')
  })
  afterAll(() => server.close())

  const rounds = async () => RoundList.parse((await che.json('GET', `${API}/rounds`)).body)
  const publish = async (symbol: string) => {
    const response = await che.json<RevisionSummary>('POST', `${API}/revisions`, {
      symbol,
      title: symbol,
    })
    expect(response.status).toBe(201)
    return response.body
  }

  it('has none at first; the demo’s Avant-projet belongs to none', async () => {
    expect(await rounds()).toEqual({ rounds: [], currentRoundId: null })
    const listed = await che.json<{ revisions: RevisionSummary[] }>('GET', `${API}/revisions`)
    expect(listed.body.revisions.map((r) => r.roundId)).toEqual([null])
  })

  it('files each revision under the round current when it is published', async () => {
    const first = await che.json<Round>('POST', `${API}/rounds`, {
      kind: 'firstReading',
      name: 'Première lecture',
      startsOn: '2018-02-20',
      endsOn: '2018-02-23',
    })
    expect(first.status).toBe(201)
    expect(Round.parse(first.body)).toMatchObject({ kind: 'firstReading', endsOn: '2018-02-23' })
    // Not started yet on 10 February: no current round.
    expect((await rounds()).currentRoundId).toBeNull()
    expect((await publish('Rev.0')).roundId).toBeNull()

    clock = new Date('2018-02-21T10:00:00Z')
    expect((await rounds()).currentRoundId).toBe(first.body.id)
    expect((await publish('Rev.1')).roundId).toBe(first.body.id)

    const informal = await che.json<Round>('POST', `${API}/rounds`, {
      kind: 'informalConsultations',
      name: 'Consultations informelles',
      startsOn: '2018-03-05',
    })
    // Its end past, the first reading stays current until the next round starts.
    clock = new Date('2018-03-01T10:00:00Z')
    expect((await publish('Rev.1/Add')).roundId).toBe(first.body.id)
    clock = new Date('2018-03-05T08:00:00Z')
    expect((await publish('Rev.2')).roundId).toBe(informal.body.id)
    const list = await rounds()
    expect(list.rounds.map((r) => r.name)).toEqual([
      'Première lecture',
      'Consultations informelles',
    ])
    expect(list.currentRoundId).toBe(informal.body.id)
  })

  it('renames a round and changes its dates, refusing an end before its start', async () => {
    const [first] = (await rounds()).rounds
    const renamed = await che.json<Round>('PUT', `${API}/rounds/${first!.id}`, {
      name: 'Première lecture du projet zéro',
    })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({
      name: 'Première lecture du projet zéro',
      startsOn: '2018-02-20',
    })
    expect((await rounds()).rounds[0]?.name).toBe('Première lecture du projet zéro')

    const backwards = await che.json('PUT', `${API}/rounds/${first!.id}`, { endsOn: '2018-01-01' })
    expect(backwards.status).toBe(400)
    const badDate = await che.json('POST', `${API}/rounds`, {
      kind: 'firstReading',
      name: 'X',
      startsOn: '20 février',
    })
    expect(badDate.status).toBe(400)
    const badKind = await che.json('POST', `${API}/rounds`, {
      kind: 'plenary',
      name: 'X',
      startsOn: '2018-02-20',
    })
    expect(badKind.status).toBe(400)
    const missing = await che.json('PUT', `${API}/rounds/round-zzzzzzzz`, { name: 'Y' })
    expect(missing.status).toBe(404)
  })

  it('records who scheduled and renamed rounds in the audit log', async () => {
    const audit = await che.json<{ events: { action: string }[] }>('GET', `${API}/audit`)
    const actions = audit.body.events.map((event) => event.action)
    expect(actions.filter((a) => a === 'round.created')).toHaveLength(2)
    expect(actions).toContain('round.updated')
  })
})
