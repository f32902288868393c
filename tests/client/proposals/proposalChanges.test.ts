import { describe, expect, it } from 'vitest'
import { draftSchema } from '../../../shared/schema/index.ts'
import { numberDocument } from '../../../client/src/numbering/numberingPlugin.ts'
import { proposalChanges } from '../../../client/src/proposals/proposalChanges.ts'
import { proposalColorRules } from '../../../client/src/proposals/ProposalColors.tsx'
import { CO_FACILITATORS_COLOR } from '../../../shared/presence.ts'
import { block, compact, text, type doc } from '../../shared/draftFixtures.ts'

type Json = ReturnType<typeof doc>

const ref = (proposalId: string, delegation: string) => ({ proposalId, delegation })
const marked = (
  value: string,
  type: 'insertion' | 'deletion',
  proposalId: string,
  delegation = 'FRA',
): Json => ({
  type: 'text',
  text: value,
  marks: [{ type, attrs: ref(proposalId, delegation) }],
})

const draft = compact([
  block('objective', 'o1', [
    block('objectiveTitle', 'o1-title', text('Titre')),
    block('commitment', 'o1-commitment', text('Nous nous engageons.')),
    block('action', 'o1-a', [
      { type: 'text', text: 'Renforcer ' },
      marked('la coopération', 'deletion', 'fra-0001'),
      marked('les partenariats', 'insertion', 'fra-0001'),
      { type: 'text', text: ' entre ' },
      marked('tous ', 'insertion', 'mar-0001', 'MAR'),
      { type: 'text', text: 'les pays.' },
    ]),
    {
      type: 'action',
      attrs: { uid: 'o1-b', insertedBy: ref('phl-0001', 'PHL') },
      content: [marked('Une action nouvelle.', 'insertion', 'phl-0001', 'PHL')],
    },
  ]),
  block('objective', 'o2', [
    block('objectiveTitle', 'o2-title', text('Autre')),
    block('commitment', 'o2-commitment', text('Nous nous engageons encore.')),
    {
      type: 'action',
      attrs: { uid: 'o2-a', deletedBy: ref('egy-0001', 'EGY') },
      content: text('Une action de trop.'),
    },
  ]),
])

describe('the proposals in the text', () => {
  const changes = proposalChanges(numberDocument(draftSchema.nodeFromJSON(draft)))

  it('reads each proposal’s inserted and deleted text, and where it is', () => {
    expect(changes.get('fra-0001')).toMatchObject({
      inserted: ['les partenariats'],
      deleted: ['la coopération'],
      block: null,
      objective: 1,
      objectiveUid: 'o1',
      blockLabel: 'a)',
    })
    expect(changes.get('mar-0001')).toMatchObject({ inserted: ['tous '], deleted: [] })
  })

  it('gives the words around a change in its block, cut at a word past 40 characters', () => {
    expect(changes.get('fra-0001')?.context).toEqual({
      before: 'Renforcer ',
      after: ' entre tous les pays.',
    })
    const { before, after } = changes.get('mar-0001')?.context ?? { before: '', after: '' }
    expect(before.startsWith('… ')).toBe(true)
    expect(before.endsWith('partenariats entre ')).toBe(true)
    expect(before.length).toBeLessThanOrEqual(41)
    expect(after).toBe('les pays.')
    // A whole new action has nothing around it.
    expect(changes.get('phl-0001')?.context).toEqual({ before: '', after: '' })
  })

  it('reads whole blocks proposed and proposed for deletion', () => {
    expect(changes.get('phl-0001')).toMatchObject({
      block: { kind: 'action', change: 'inserted' },
      inserted: ['Une action nouvelle.'],
      // Proposed after a): agreed letters never move for a proposal (issue 16).
      blockLabel: 'a bis)',
    })
    expect(changes.get('egy-0001')).toMatchObject({
      block: { kind: 'action', change: 'deleted' },
      deleted: ['Une action de trop.'],
      objective: 2,
    })
  })

  it('orders the proposals by where they start in the text', () => {
    const at = (id: string) => changes.get(id)?.pos ?? -1
    expect(at('fra-0001')).toBeLessThan(at('mar-0001'))
    expect(at('mar-0001')).toBeLessThan(at('phl-0001'))
    expect(at('phl-0001')).toBeLessThan(at('egy-0001'))
  })
})

describe('the proposal colours', () => {
  it('give each delegation, and the co-facilitators, their presence colour', () => {
    const rules = proposalColorRules([
      { code: 'FRA', color: '#1b5e20' },
      { code: 'MAR', color: '#6a1b9a' },
      { code: 'not a code', color: '#000000' },
      { code: 'PHL', color: 'red}body{display:none' },
    ])
    expect(rules).toContain(`[data-delegation="FRA"]`)
    expect(rules).toContain(`[data-proposal-delegation="MAR"]{--proposal-color:#6a1b9a}`)
    expect(rules).toContain(`--proposal-color:#1b5e20`)
    expect(rules).toContain(`[data-delegation="co-facilitators"]`)
    expect(rules).toContain(`--proposal-color:${CO_FACILITATORS_COLOR}`)
    expect(rules).not.toContain('not a code')
    expect(rules).not.toContain('PHL')
  })
})
