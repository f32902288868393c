import { describe, expect, it } from 'vitest'
import { agreedTextOf } from '../../../client/src/alternatives/agreedText.ts'
import { alternativesEn } from '../../../client/src/alternatives/messagesEn.ts'
import { alternativesFr } from '../../../client/src/alternatives/messagesFr.ts'
import { numberDocument } from '../../../client/src/numbering/numberingPlugin.ts'
import { alternativeChanges } from '../../../client/src/proposals/alternativeChanges.ts'
import type { ProposalRecord } from '../../../shared/draft/index.ts'
import { draftSchema } from '../../../shared/schema/index.ts'
import { block, compact, text } from '../../shared/draftFixtures.ts'

const ref = (proposalId: string, delegation: string) => ({ proposalId, delegation })

const draft = draftSchema.nodeFromJSON(
  compact([
    block('objective', 'o1', [
      block('objectiveTitle', 'o1-title', text('Titre')),
      block('commitment', 'o1-commitment', text('Nous nous engageons.')),
      block('action', 'o1-a', [
        { type: 'text', text: 'Renforcer ' },
        {
          type: 'text',
          text: 'vivement ',
          marks: [{ type: 'insertion', attrs: ref('fra-0001', 'FRA') }],
        },
        { type: 'text', text: 'la ' },
        { type: 'text', text: 'vieille ', marks: [{ type: 'coFacilitatorsDeletion' }] },
        {
          type: 'text',
          text: 'coopération',
          marks: [{ type: 'deletion', attrs: ref('mar-0001', 'MAR') }],
        },
        { type: 'text', text: '.' },
      ]),
    ]),
  ]),
)

const alternative = (id: string, blockUid: string, status: ProposalRecord['status']) =>
  ({
    id,
    status,
    delegation: 'FRA',
    blockUid,
    alternative: { text: 'Une autre formulation.' },
  }) as ProposalRecord

describe('alternatives in the room', () => {
  it('start from the text before its open proposals, without what the co-facilitators struck', () => {
    expect(agreedTextOf(draft, 'o1-a')).toBe('Renforcer la coopération.')
  })

  it('stand where their paragraph is, numbered as in the margin', () => {
    const changes = alternativeChanges(numberDocument(draft), [
      alternative('alt-0001', 'o1-a', 'open'),
      alternative('alt-0002', 'gone', 'open'),
    ])
    expect(changes.get('alt-0001')).toMatchObject({
      inserted: ['Une autre formulation.'],
      deleted: [],
      objective: 1,
      objectiveUid: 'o1',
      blockLabel: 'a)',
    })
    expect(changes.has('alt-0002')).toBe(false)
  })

  it('have their strings in French and English', () => {
    expect(Object.keys(alternativesEn).sort()).toEqual(Object.keys(alternativesFr).sort())
    expect(alternativesFr.propose('§ 23')).toBe('Proposer une variante de § 23')
    expect(alternativesEn.propose(null)).toBe('Propose an alternative')
    expect(alternativesFr.rationaleLabel).toBe('Exposé des motifs\u00a0:')
  })
})
