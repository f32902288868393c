import { describe, expect, it } from 'vitest'
import type { ActivityPage, ActivitySummary } from '../../shared/activity.ts'
import type { ProposalRecord } from '../../shared/draft/index.ts'
import { collabSuite } from '../helpers/collabSuite.ts'
import { blockByUid, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ID = 'fra-thread-1'

/**
 * Comment threads on a proposal (issue 14) through the HTTP API, on a proposal made by a stock
 * y-websocket client: replies, who may resolve and reopen, threads kept after the decision, and
 * mentions that reach the named delegation's activity.
 */
describe('comment threads', () => {
  const suite = collabSuite(NID, ['fra', 'mar', 'egy', 'che', 'iom'] as const, {
    afterStart: async () => {
      const fra = await clients.connect('fra')
      textOf(blockByUid(fra.doc, 'obj-14-a')).insert(0, 'Sans tarder, ', {
        insertion: { proposalId: ID, delegation: 'FRA' },
      })
      await eventually(async () =>
        expect((await act('che', 'comment', { text: 'Vu.' })).status).toBe(200),
      )
    },
  })
  const { api, clients } = suite

  const act = (who: keyof typeof api, action: string, body: unknown = {}) =>
    api[who].json<ProposalRecord & { error?: { code: string; message: string } }>(
      'POST',
      `/api/negotiations/${NID}/proposals/${ID}/${action}`,
      body,
    )
  const threadOf = (record: ProposalRecord, text: string) => {
    const first = record.comments.find((c) => c.text === text && c.replyTo === null)
    if (!first) throw new Error(`no thread "${text}"`)
    return first
  }

  it('answers a thread, and refuses an answer to an answer or to no thread', async () => {
    const opened = await act('mar', 'comment', { text: 'Pourquoi ce délai ?' })
    const thread = threadOf(opened.body, 'Pourquoi ce délai ?')
    expect(thread).toMatchObject({ delegation: 'MAR', resolved: null })
    const answered = await act('fra', 'comment', {
      text: 'Pour la sécurité.',
      commentId: thread.id,
    })
    expect(answered.status).toBe(200)
    const reply = answered.body.comments.at(-1)
    expect(reply).toMatchObject({
      replyTo: thread.id,
      delegation: 'FRA',
      text: 'Pour la sécurité.',
    })
    expect(reply?.at).toBeTruthy()

    const nested = await act('che', 'comment', { text: 'Et encore ?', commentId: reply?.id })
    expect(nested.status).toBe(409)
    expect(nested.body.error?.code).toBe('no_thread')
    expect((await act('che', 'comment', { text: 'x', commentId: 'nope' })).status).toBe(409)
  })

  it('lets the co-facilitators, the author or the proposing delegation resolve and reopen', async () => {
    const record = (await act('mar', 'comment', { text: 'Une question.' })).body
    const thread = threadOf(record, 'Une question.')
    expect((await act('egy', 'resolve', { commentId: thread.id })).status).toBe(403)
    expect((await act('iom', 'resolve', { commentId: thread.id })).status).toBe(403)
    expect((await act('mar', 'resolve')).status).toBe(400)

    const resolved = await act('mar', 'resolve', { commentId: thread.id })
    expect(resolved.status).toBe(200)
    expect(threadOf(resolved.body, 'Une question.').resolved?.by).toBeTruthy()
    const reopened = await act('fra', 'reopen', { commentId: thread.id })
    expect(threadOf(reopened.body, 'Une question.').resolved).toBeNull()
    expect((await act('che', 'resolve', { commentId: thread.id })).status).toBe(200)
  })

  it('keeps the threads through the decision, and takes answers after it', async () => {
    expect((await act('che', 'accept')).status).toBe(200)
    const after = await act('egy', 'comment', { text: 'Bien reçu.' })
    expect(after.status).toBe(200)
    expect(after.body.status).toBe('accepted')
    expect(after.body.comments.map((c) => c.text)).toEqual(
      expect.arrayContaining(['Pourquoi ce délai ?', 'Pour la sécurité.', 'Bien reçu.']),
    )
  })

  it('tells a delegation named with @ in its activity, never for a code outside the room', async () => {
    const summary = async () =>
      (await api.mar.json<ActivitySummary>('GET', `/api/negotiations/${NID}/activity/summary`)).body
    const before = (await summary()).yours.mentioned
    expect((await act('fra', 'comment', { text: '@MAR, @XYZ et @FRA : voyez.' })).status).toBe(200)
    expect((await summary()).yours.mentioned).toBe(before + 1)
    const feed = await api.mar.json<ActivityPage>(
      'GET',
      `/api/negotiations/${NID}/activity?delegation=MAR`,
    )
    const mention = feed.body.items.find((i) => i.action === 'proposal.mention')
    expect(mention).toMatchObject({ delegation: 'MAR', actor: { delegation: 'FRA' } })
    const audit = await api.che.json<{
      events: { action: string; details: { delegation?: string } }[]
    }>('GET', `/api/negotiations/${NID}/audit`)
    const mentioned = audit.body.events
      .filter((e) => e.action === 'proposal.mention')
      .map((e) => e.details.delegation)
    expect(mentioned).toEqual(['MAR'])
  })
})
