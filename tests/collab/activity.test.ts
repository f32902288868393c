import { describe, expect, it } from 'vitest'
import type { ActivityPage, ActivitySummary } from '../../shared/activity.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { collabSuite } from '../helpers/collabSuite.ts'
import { blockByUid, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ref = (proposalId: string, delegation: string) => ({ proposalId, delegation })

/**
 * The activity of a negotiation (issue 14), through the HTTP API, with proposals made by stock
 * y-websocket clients and decided over HTTP: what the feed shows, how it filters and pages, and
 * what each delegation is told since its last visit.
 */
describe('the activity of a negotiation', () => {
  const suite = collabSuite(NID, ['fra', 'mar', 'che', 'secretariat'] as const)
  const { api, clients } = suite

  const feed = async (who: keyof typeof api, query = '') => {
    const response = await api[who].json<ActivityPage>(
      'GET',
      `/api/negotiations/${NID}/activity${query}`,
    )
    expect(response.status).toBe(200)
    return response.body
  }
  const summary = async (who: keyof typeof api) =>
    (await api[who].json<ActivitySummary>('GET', `/api/negotiations/${NID}/activity/summary`)).body
  const markSeen = (who: keyof typeof api, upTo: number) =>
    api[who].json<{ seenUpTo: number }>('POST', `/api/negotiations/${NID}/activity/seen`, {
      upTo,
    })
  const act = (who: keyof typeof api, id: string, action: string, body: unknown = {}) =>
    api[who].json('POST', `/api/negotiations/${NID}/proposals/${id}/${action}`, body)

  it('lists proposals made live, filtered by delegation and objective, newest first', async () => {
    const fra = await connect('fra')
    const mar = await connect('mar')
    textOf(blockByUid(fra.doc, 'obj-09-a')).insert(0, 'F9 ', { insertion: ref('act-fra-9', 'FRA') })
    textOf(blockByUid(fra.doc, 'obj-10-a')).insert(0, 'F10 ', {
      insertion: ref('act-fra-10', 'FRA'),
    })
    textOf(blockByUid(mar.doc, 'obj-10-b')).insert(0, 'M10 ', {
      insertion: ref('act-mar-10', 'MAR'),
    })
    await eventually(async () => {
      const made = (await feed('che')).items.filter((i) => i.action === 'proposal.made')
      expect(made.flatMap((i) => i.proposalIds).sort()).toEqual([
        'act-fra-10',
        'act-fra-9',
        'act-mar-10',
      ])
    })
    const all = (await feed('che')).items
    expect(all.map((i) => i.id)).toEqual([...all.map((i) => i.id)].sort((a, b) => b - a))
    const mine = all.find((i) => i.proposalIds[0] === 'act-mar-10')
    expect(mine).toMatchObject({
      action: 'proposal.made',
      delegation: 'MAR',
      objectiveUid: 'obj-10',
      actor: { delegation: 'MAR' },
    })
    expect(mine?.actor.name).toBeTruthy()

    const ofMar = (await feed('che', '?delegation=MAR')).items
    expect(ofMar.map((i) => i.proposalIds[0])).toEqual(['act-mar-10'])
    const ofObjective10 = (await feed('fra', '?objective=obj-10')).items
    expect(ofObjective10.flatMap((i) => i.proposalIds).sort()).toEqual(['act-fra-10', 'act-mar-10'])
  })

  it('tells a delegation what became of its proposals since its last visit', async () => {
    // FRA has looked at everything so far.
    const newest = (await feed('fra')).items[0]?.id ?? 0
    expect((await markSeen('fra', newest)).body.seenUpTo).toBe(newest)
    expect(await summary('fra')).toMatchObject({ unread: 0, yours: { accepted: 0 } })

    expect((await act('che', 'act-fra-9', 'accept')).status).toBe(200)
    expect((await act('che', 'act-fra-10', 'reject')).status).toBe(200)
    expect((await act('mar', 'act-mar-10', 'comment', { text: 'Merci.' })).status).toBe(200)

    expect(await summary('fra')).toMatchObject({
      seenUpTo: newest,
      unread: 3,
      delegation: 'FRA',
      yours: { accepted: 1, rejected: 1, supported: 0, commented: 0 },
    })
    // MAR's own comment is news to others, not about MAR's fate.
    expect((await summary('mar')).yours).toEqual({
      accepted: 0,
      rejected: 0,
      supported: 0,
      commented: 1,
      mentioned: 0,
    })
    const decided = (await feed('fra', '?delegation=FRA')).items.slice(0, 2)
    expect(decided.map((i) => i.action)).toEqual(['proposal.reject', 'proposal.accept'])
    expect(decided[0]?.actor.delegation).toBe('CHE')
  })

  it('shows a bulk decision as one item, and keeps one audit event per proposal', async () => {
    const fra = await connect('fra')
    const mar = await connect('mar')
    textOf(blockByUid(fra.doc, 'obj-11-a')).insert(0, 'F11 ', { insertion: ref('bulk-a', 'FRA') })
    textOf(blockByUid(mar.doc, 'obj-11-b')).insert(0, 'M11 ', { insertion: ref('bulk-b', 'MAR') })
    await eventually(async () =>
      expect(
        (await feed('che')).items.flatMap((i) => i.proposalIds).filter((id) => /^bulk-/.test(id)),
      ).toHaveLength(2),
    )
    const decided = await api.che.json<{ decided: string[] }>(
      'POST',
      `/api/negotiations/${NID}/proposals/decide`,
      { decision: 'accept', objective: 11 },
    )
    expect(decided.body.decided.sort()).toEqual(['bulk-a', 'bulk-b'])

    const [bulk] = (await feed('mar')).items
    expect(bulk).toMatchObject({ action: 'proposal.accept', delegation: null })
    expect(bulk?.proposalIds.sort()).toEqual(['bulk-a', 'bulk-b'])
    // Filtered by delegation, the same decision shows that delegation's part.
    const [ofMar] = (await feed('mar', '?delegation=MAR')).items
    expect(ofMar).toMatchObject({ action: 'proposal.accept', delegation: 'MAR' })
    expect(ofMar?.proposalIds).toEqual(['bulk-b'])

    const audit = await api.che.json<{
      events: { action: string; details: { proposalId?: string } }[]
    }>('GET', `/api/negotiations/${NID}/audit`)
    const accepts = audit.body.events.filter(
      (e) => e.action === 'proposal.accept' && /^bulk-/.test(e.details.proposalId ?? ''),
    )
    expect(accepts.map((e) => e.details.proposalId).sort()).toEqual(['bulk-a', 'bulk-b'])
  })

  it('pages without overlap or gap, and never splits a bulk decision', async () => {
    const whole = (await feed('che', '?limit=200')).items
    expect(whole.length).toBeGreaterThan(4)
    const paged: number[] = []
    let before: number | null = null
    for (let pages = 0; pages < 50; pages++) {
      const page: ActivityPage = await feed('che', `?limit=2${before ? `&before=${before}` : ''}`)
      expect(page.items.length).toBeLessThanOrEqual(2)
      paged.push(...page.items.map((i) => i.id))
      if (page.nextBefore === null) break
      before = page.nextBefore
    }
    expect(paged).toEqual(whole.map((i) => i.id))
  })

  it('answers bad queries with 400, and never marks the future or the past as seen', async () => {
    for (const query of ['?limit=0', '?limit=1000', '?delegation=fra', '?before=-3', '?before=x']) {
      const response = await api.che.json<{ error: { code: string; message: string } }>(
        'GET',
        `/api/negotiations/${NID}/activity${query}`,
      )
      expect(response.status, query).toBe(400)
      expect(response.body.error.message).toMatch(/limit|delegation|before/)
    }
    expect((await markSeen('che', -1)).status).toBe(400)
    const newest = (await feed('che')).items[0]?.id ?? 0
    expect((await markSeen('che', newest + 1_000)).body.seenUpTo).toBe(newest)
    expect((await markSeen('che', 1)).body.seenUpTo).toBe(newest)
    expect((await summary('che')).unread).toBe(0)
  })

  it('is not shown to someone with no role in the negotiation, nor without a session', async () => {
    const created = await api.secretariat.json<{ id: number }>('POST', '/api/users', {
      username: 'outsider',
      displayName: 'Outsider',
      password: 'a long enough password',
      delegation: null,
    })
    expect(created.status).toBe(201)
    const outsider = await ApiClient.signedIn(
      suite.server.url,
      'outsider',
      'a long enough password',
    )
    for (const path of ['activity', 'activity/summary']) {
      expect((await outsider.json('GET', `/api/negotiations/${NID}/${path}`)).status).toBe(404)
    }
    expect(
      (await outsider.json('POST', `/api/negotiations/${NID}/activity/seen`, { upTo: 1 })).status,
    ).toBe(404)
    const anonymous = new ApiClient(suite.server.url)
    expect((await anonymous.json('GET', `/api/negotiations/${NID}/activity`)).status).toBe(401)
  })

  const connect = (who: 'fra' | 'mar') => clients.connect(who)
})
