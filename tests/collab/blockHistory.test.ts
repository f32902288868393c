import { describe, expect, it } from 'vitest'
import type { BlockHistory } from '../../shared/blockHistory.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { collabSuite } from '../helpers/collabSuite.ts'
import { blockByUid, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ACTION = 'obj-13-a'
const ref = (proposalId: string, delegation: string) => ({ proposalId, delegation })

/**
 * The history of a paragraph (issue 14) through the HTTP API: the proposals made on it (by
 * stock y-websocket clients) with their outcome and who decided, and how it read in each
 * revision, the demo's imported one included.
 */
describe('the history of a paragraph', () => {
  const suite = collabSuite(NID, ['fra', 'mar', 'che'] as const)
  const { api, clients } = suite

  const history = async (uid: string, who: keyof typeof api = 'che') =>
    api[who].json<BlockHistory & { error?: { message: string } }>(
      'GET',
      `/api/negotiations/${NID}/blocks/${uid}/history`,
    )
  const act = (id: string, action: string) =>
    api.che.json('POST', `/api/negotiations/${NID}/proposals/${id}/${action}`, {})
  const propose = async (who: 'fra' | 'mar', id: string, words: string) => {
    const client = await clients.connect(who)
    textOf(blockByUid(client.doc, ACTION)).insert(0, words, {
      insertion: ref(id, who.toUpperCase()),
    })
    await eventually(async () =>
      expect((await history(ACTION)).body.proposals.map((p) => p.id)).toContain(id),
    )
    client.destroy()
  }

  it('lists every proposal on it, its outcome and who decided, and how it read in each revision', async () => {
    const before = (await history(ACTION)).body
    expect(before.label).toBe('a)')
    expect(before.revisions.map((r) => r.symbol)).toEqual(['Avant-projet'])
    expect(before.revisions[0]).toMatchObject({ status: 'unchanged', text: before.text })

    await propose('fra', 'hist-fra', 'Premièrement, ')
    await propose('mar', 'hist-mar', 'Rejeté ')
    expect((await act('hist-fra', 'accept')).status).toBe(200)
    expect((await act('hist-mar', 'reject')).status).toBe(200)
    const published = await api.che.json('POST', `/api/negotiations/${NID}/revisions`, {
      symbol: 'Rev.1',
      title: 'Première révision',
    })
    expect(published.status).toBe(201)
    await propose('fra', 'hist-fra-2', 'Enfin, ')
    expect((await act('hist-fra-2', 'accept')).status).toBe(200)

    const after = (await history(ACTION, 'mar')).body
    expect(after.text.startsWith('Enfin, Premièrement, ')).toBe(true)
    expect(after.proposals.map((p) => [p.id, p.delegation, p.status])).toEqual([
      ['hist-fra', 'FRA', 'accepted'],
      ['hist-mar', 'MAR', 'rejected'],
      ['hist-fra-2', 'FRA', 'accepted'],
    ])
    // Decided, their marks left the text; the record kept what they changed.
    expect(after.proposals.map((p) => p.inserted)).toEqual(['Premièrement, ', 'Rejeté ', 'Enfin, '])
    expect(after.proposals[1]?.decidedBy?.name).toBeTruthy()
    expect(after.proposals[1]?.decidedAt).toBeTruthy()
    const [avantProjet, rev1] = after.revisions
    expect(avantProjet).toMatchObject({ symbol: 'Avant-projet', status: 'changed' })
    expect(avantProjet?.text).toBe(before.text)
    expect(rev1).toMatchObject({ symbol: 'Rev.1', status: 'changed', label: 'a)' })
    expect(rev1?.text?.startsWith('Premièrement, ')).toBe(true)
    expect(rev1?.text).not.toContain('Rejeté')
  })

  it('answers a bad uid with 400, an unknown one with 404, and nothing to those not in the negotiation', async () => {
    const bad = await history('UPPER%20CASE')
    expect(bad.status).toBe(400)
    expect(bad.body.error?.message).toMatch(/uid/)
    const unknown = await history('no-such-block')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error?.message).toContain('no-such-block')
    const anonymous = new ApiClient(suite.server.url)
    expect(
      (await anonymous.json('GET', `/api/negotiations/${NID}/blocks/${ACTION}/history`)).status,
    ).toBe(401)
  })
})
