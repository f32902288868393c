import { describe, expect, it } from 'vitest'
import { deletionKey } from '../../shared/draft/index.ts'
import type { PresentedProposal } from '../../shared/proposals.ts'
import { collabSuite } from '../helpers/collabSuite.ts'
import { blockByUid, deltaOf, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ref = (proposalId: string, delegation: string) => ({ proposalId, delegation })

describe('proposal commands run on the server, with no browser open', () => {
  const suite = collabSuite(NID, ['fra', 'mar', 'che', 'iom'] as const)
  const { api, clients } = suite

  const { connect } = clients
  const proposals = async (query = '') =>
    (
      await api.che.json<{ proposals: PresentedProposal[] }>(
        'GET',
        `/api/negotiations/${NID}/proposals${query}`,
      )
    ).body.proposals
  const proposal = async (id: string) => (await proposals()).find((p) => p.id === id)
  const paragraphText = async (uid: string) => {
    const doc = (
      await api.che.json<{ document: { content: unknown[] } }>(
        'GET',
        `/api/negotiations/${NID}/draft`,
      )
    ).body
    return JSON.stringify(doc.document).split(`"uid":"${uid}"`)[1]?.split('"uid"')[0] ?? ''
  }
  const act = (who: keyof typeof api, id: string, action: string, body: unknown = {}) =>
    api[who].json('POST', `/api/negotiations/${NID}/proposals/${id}/${action}`, body)

  it('support, comment, rationale, and accept an insertion: it becomes agreed text', async () => {
    const fra = await connect('fra')
    textOf(blockByUid(fra.doc, 'obj-07-a')).insert(0, 'Sans délai, ', {
      insertion: ref('fra-acc-1', 'FRA'),
    })
    await eventually(async () =>
      expect(await proposal('fra-acc-1')).toMatchObject({ objective: 7, inserted: 'Sans délai, ' }),
    )
    fra.destroy()

    expect((await act('mar', 'fra-acc-1', 'support')).status).toBe(200)
    // Support can be taken back, and given again; taking back twice changes nothing.
    expect((await act('mar', 'fra-acc-1', 'unsupport')).status).toBe(200)
    expect((await proposal('fra-acc-1'))?.supporters).toEqual([])
    expect((await act('mar', 'fra-acc-1', 'unsupport')).status).toBe(200)
    expect((await act('che', 'fra-acc-1', 'unsupport')).status).toBe(403)
    expect((await act('mar', 'fra-acc-1', 'support')).status).toBe(200)
    expect(
      (
        await act('fra', 'fra-acc-1', 'comment', {
          text: 'Urgence humanitaire.',
          isRationale: true,
        })
      ).status,
    ).toBe(200)
    expect((await act('che', 'fra-acc-1', 'comment', { text: 'Noté.' })).status).toBe(200)
    expect((await act('fra', 'fra-acc-1', 'support')).status).toBe(409)
    expect((await act('che', 'fra-acc-1', 'support')).status).toBe(403)
    expect((await act('iom', 'fra-acc-1', 'comment', { text: 'x' })).status).toBe(403)
    expect((await act('mar', 'fra-acc-1', 'withdraw')).status).toBe(403)
    expect((await act('fra', 'fra-acc-1', 'accept')).status).toBe(403)

    expect((await act('che', 'fra-acc-1', 'accept')).status).toBe(200)
    const accepted = await proposal('fra-acc-1')
    expect(accepted).toMatchObject({
      status: 'accepted',
      supporters: ['MAR'],
      rationale: 'Urgence humanitaire.',
    })
    expect(accepted?.comments.map((c) => c.text)).toEqual(['Noté.'])
    const text = await paragraphText('obj-07-a')
    expect(text).toContain('Sans délai, ')
    expect(text).not.toContain('fra-acc-1')
    expect((await act('che', 'fra-acc-1', 'reject')).status).toBe(409)
    // A decided proposal keeps its supporters: the record of who stood behind it.
    expect((await act('mar', 'fra-acc-1', 'unsupport')).status).toBe(409)
    const audit = await api.che.json<{ events: { action: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/audit`,
    )
    expect(audit.body.events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'proposal.support',
        'proposal.unsupport',
        'proposal.comment',
        'proposal.accept',
      ]),
    )
  })

  it('rejects an insertion (removed), accepts a deletion (removed) and withdraws one (restored)', async () => {
    const mar = await connect('mar')
    const action = textOf(blockByUid(mar.doc, 'obj-08-a'))
    const original = action.toJSON()
    action.insert(0, 'REJECTED ', { insertion: ref('mar-rej-1', 'MAR') })
    const deletion = ref('mar-del-1', 'MAR')
    action.format(9, 5, { [deletionKey(deletion)]: deletion })
    const withdrawn = ref('mar-wd-1', 'MAR')
    action.format(20, 4, { [deletionKey(withdrawn)]: withdrawn })
    await eventually(async () => {
      const open = (await proposals('?delegation=MAR&status=open')).map((p) => p.id)
      expect(open).toEqual(expect.arrayContaining(['mar-rej-1', 'mar-del-1', 'mar-wd-1']))
    })
    mar.destroy()

    expect((await act('che', 'mar-rej-1', 'reject')).status).toBe(200)
    expect((await act('mar', 'mar-wd-1', 'withdraw')).status).toBe(200)
    expect((await act('che', 'mar-del-1', 'accept')).status).toBe(200)
    const text = await paragraphText('obj-08-a')
    expect(text).not.toContain('REJECTED')
    expect(text).toContain(original.slice(5, 30).replace(/"/g, '\\"'))
    expect(text).not.toContain(original.slice(0, 5))
    expect(text).not.toContain('deletion')
    expect((await proposal('mar-wd-1'))?.status).toBe('withdrawn')
  })

  it('decides in bulk by delegation, by objective and all', async () => {
    const fra = await connect('fra')
    const mar = await connect('mar')
    textOf(blockByUid(fra.doc, 'obj-09-a')).insert(0, 'F9 ', {
      insertion: ref('bulk-fra-9', 'FRA'),
    })
    textOf(blockByUid(fra.doc, 'obj-10-a')).insert(0, 'F10 ', {
      insertion: ref('bulk-fra-10', 'FRA'),
    })
    textOf(blockByUid(mar.doc, 'obj-10-b')).insert(0, 'M10 ', {
      insertion: ref('bulk-mar-10', 'MAR'),
    })
    textOf(blockByUid(mar.doc, 'obj-11-a')).insert(0, 'M11 ', {
      insertion: ref('bulk-mar-11', 'MAR'),
    })
    await eventually(async () =>
      expect((await proposals('?status=open')).length).toBeGreaterThanOrEqual(4),
    )

    const decide = (body: unknown, who: keyof typeof api = 'che') =>
      api[who].json<{ decided: string[] }>(
        'POST',
        `/api/negotiations/${NID}/proposals/decide`,
        body,
      )
    expect((await decide({ decision: 'accept' }, 'fra')).status).toBe(403)
    expect((await decide({ decision: 'maybe' })).status).toBe(400)
    expect((await decide({ decision: 'accept', objective: 10 })).body.decided.sort()).toEqual([
      'bulk-fra-10',
      'bulk-mar-10',
    ])
    // The demo's own FRA proposal (objective 7) goes with it.
    expect((await decide({ decision: 'reject', delegation: 'FRA' })).body.decided.sort()).toEqual([
      'bulk-fra-9',
      'demo-fra-07a',
    ])
    expect((await decide({ decision: 'accept' })).body.decided).toContain('bulk-mar-11')
    expect(await proposals('?status=open')).toEqual([])
    // The live clients converge on the decisions.
    await eventually(() =>
      expect(textOf(blockByUid(fra.doc, 'obj-10-b')).toString()).toMatch(/^M10 /),
    )
    await eventually(() =>
      expect(textOf(blockByUid(mar.doc, 'obj-09-a')).toString()).not.toMatch(/^F9 /),
    )
  })

  it('stays coherent when a delegation types in its proposal while it is accepted', async () => {
    const fra = await connect('fra')
    const che = await connect('che')
    const text = textOf(blockByUid(fra.doc, 'obj-12-a'))
    text.insert(0, 'Premier', { insertion: ref('race-1', 'FRA') })
    await eventually(async () => expect(await proposal('race-1')).toBeDefined())
    const accepting = act('che', 'race-1', 'accept')
    for (let i = 0; i < 10; i++) text.insert(7 + i, String(i), { insertion: ref('race-1', 'FRA') })
    expect((await accepting).status).toBe(200)
    // Keystrokes that arrived after the decision are refused; FRA reloads and all agree.
    await eventually(async () => {
      const fresh = await connect('fra')
      expect(textOf(blockByUid(fresh.doc, 'obj-12-a')).toString()).toBe(
        textOf(blockByUid(che.doc, 'obj-12-a')).toString(),
      )
      fresh.destroy()
    })
    expect((await proposal('race-1'))?.status).toBe('accepted')
    expect(deltaOf(textOf(blockByUid(che.doc, 'obj-12-a')))[0]).not.toHaveProperty(
      'attributes.insertion',
    )
  })

  it('keeps both delegations’ deletions of the same words', async () => {
    const fra = await connect('fra')
    const mar = await connect('mar')
    const f = ref('overlap-fra', 'FRA')
    const m = ref('overlap-mar', 'MAR')
    textOf(blockByUid(fra.doc, 'obj-13-a')).format(0, 12, { [deletionKey(f)]: f })
    textOf(blockByUid(mar.doc, 'obj-13-a')).format(4, 12, { [deletionKey(m)]: m })
    await eventually(async () => {
      const listed = await proposals('?objective=13')
      expect(listed.map((p) => p.id).sort()).toEqual(['overlap-fra', 'overlap-mar'])
    })
    expect((await act('che', 'overlap-fra', 'reject')).status).toBe(200)
    await eventually(() => {
      const attributes = deltaOf(textOf(blockByUid(mar.doc, 'obj-13-a'))).flatMap((op) =>
        Object.values(op.attributes ?? {}),
      )
      expect(attributes).toContainEqual(m)
      expect(attributes).not.toContainEqual(f)
    })
  })

  it('withdraws a proposal while it is being supported: one outcome, coherent record', async () => {
    const fra = await connect('fra')
    textOf(blockByUid(fra.doc, 'obj-14-a')).insert(0, 'Retiré ', {
      insertion: ref('wd-race', 'FRA'),
    })
    await eventually(async () => expect(await proposal('wd-race')).toBeDefined())
    const [support, withdraw] = await Promise.all([
      act('mar', 'wd-race', 'support'),
      act('fra', 'wd-race', 'withdraw'),
    ])
    expect(withdraw.status).toBe(200)
    const record = await proposal('wd-race')
    expect(record?.status).toBe('withdrawn')
    expect(record?.supporters).toEqual(support.status === 200 ? ['MAR'] : [])
    expect([200, 409]).toContain(support.status)
    expect(await paragraphText('obj-14-a')).not.toContain('Retiré')
  })
})
