import { describe, expect, it } from 'vitest'
import type { BulkPreview, PresentedProposal } from '../../shared/proposals.ts'
import { collabSuite } from '../helpers/collabSuite.ts'
import { blockByUid, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ref = (proposalId: string, delegation: string) => ({ proposalId, delegation })

/**
 * Bulk decisions say what they will do before they do it (issue 14): a dry run answers the
 * counts per delegation and per objective and changes nothing; the real run answers the same
 * counts for what it decided.
 */
describe('a bulk decision previewed', () => {
  const suite = collabSuite(NID, ['fra', 'mar', 'che'] as const)
  const { api, clients } = suite

  const decide = (who: keyof typeof api, body: unknown) =>
    api[who].json<{ decided: string[]; preview: BulkPreview; error?: { code: string } }>(
      'POST',
      `/api/negotiations/${NID}/proposals/decide`,
      body,
    )
  const openIds = async () =>
    (
      await api.che.json<{ proposals: PresentedProposal[] }>(
        'GET',
        `/api/negotiations/${NID}/proposals?status=open`,
      )
    ).body.proposals
      .map((p) => p.id)
      .sort()

  it('counts by delegation and objective, decides nothing, then decides exactly that', async () => {
    const fra = await clients.connect('fra')
    const mar = await clients.connect('mar')
    textOf(blockByUid(fra.doc, 'obj-12-a')).insert(0, 'A ', {
      insertion: ref('prev-fra-12a', 'FRA'),
    })
    textOf(blockByUid(fra.doc, 'obj-12-b')).insert(0, 'B ', {
      insertion: ref('prev-fra-12b', 'FRA'),
    })
    textOf(blockByUid(fra.doc, 'obj-13-a')).insert(0, 'C ', {
      insertion: ref('prev-fra-13a', 'FRA'),
    })
    textOf(blockByUid(mar.doc, 'obj-13-b')).insert(0, 'D ', {
      insertion: ref('prev-mar-13b', 'MAR'),
    })
    await eventually(async () =>
      expect(await openIds()).toEqual(
        expect.arrayContaining(['prev-fra-12a', 'prev-fra-12b', 'prev-fra-13a', 'prev-mar-13b']),
      ),
    )
    const open = await openIds()

    for (const who of ['fra', 'mar'] as const) {
      expect((await decide(who, { decision: 'accept', objective: 13, dryRun: true })).status).toBe(
        403,
      )
    }
    const dry = await decide('che', { decision: 'accept', objective: 13, dryRun: true })
    expect(dry.status).toBe(200)
    expect(dry.body.decided).toEqual([])
    expect(dry.body.preview.byObjective).toEqual([
      expect.objectContaining({ objective: 13, count: dry.body.preview.total }),
    ])
    expect(dry.body.preview.byDelegation).toEqual(
      expect.arrayContaining([
        { delegation: 'FRA', count: 1 },
        { delegation: 'MAR', count: 1 },
      ]),
    )
    expect(await openIds()).toEqual(open)

    const byFrance = await decide('che', { decision: 'reject', delegation: 'FRA', dryRun: true })
    expect(byFrance.body.preview.byDelegation).toEqual([
      { delegation: 'FRA', count: byFrance.body.preview.total },
    ])
    expect(byFrance.body.preview.byObjective).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ objective: 12, count: 2 }),
        expect.objectContaining({ objective: 13, count: 1 }),
      ]),
    )

    const real = await decide('che', { decision: 'accept', objective: 13 })
    expect(real.status).toBe(200)
    expect(real.body.preview).toEqual(dry.body.preview)
    expect(real.body.decided).toHaveLength(dry.body.preview.total)
    expect(await openIds()).not.toContain('prev-mar-13b')
    expect(await openIds()).toContain('prev-fra-12a')
  })
})
