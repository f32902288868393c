import { describe, expect, it } from 'vitest'
import type { ProposalRecord } from '../../shared/draft/index.ts'
import { transitionProposal } from '../../shared/proposalMachine.ts'

const NOW = new Date('2026-12-03T12:00:00Z')
const open: ProposalRecord = {
  id: 'fra-machine-1',
  status: 'open',
  delegation: 'FRA',
  authorUserId: 7,
  authorName: 'Délégation de la France',
  objectiveUid: 'obj-07',
  blockUid: 'obj-07-a',
  createdAt: '2026-12-01T09:00:00.000Z',
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
  rationale: 'Plus clair.',
  supporters: ['MAR'],
  comments: [],
}
const decidedBy = { userId: 2, name: 'Jürg Lauber' }

describe('reverting a decision in the proposal state machine', () => {
  it('opens an accepted or rejected proposal again, as it was before the decision', () => {
    for (const type of ['accept', 'reject'] as const) {
      const decided = {
        ...transitionProposal(open, { type, decidedBy, note: 'Vu.' }, NOW),
        settledChange: { inserted: 'x', deleted: '' },
        reversal: { texts: [], blockAttributes: [], blocks: [] },
      }
      const reverted = transitionProposal(decided, { type: 'revert' }, NOW)
      expect(reverted).toEqual(open)
      expect('settledChange' in reverted || 'reversal' in reverted).toBe(false)
    }
  })

  it('refuses to revert what is open or withdrawn', () => {
    const withdrawn = transitionProposal(open, { type: 'withdraw', delegation: 'FRA' }, NOW)
    for (const record of [open, withdrawn]) {
      expect(() => transitionProposal(record, { type: 'revert' }, NOW)).toThrow(
        expect.objectContaining({ code: 'not_decided' }) as Error,
      )
    }
  })
})
