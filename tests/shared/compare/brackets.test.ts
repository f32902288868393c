import { describe, expect, it } from 'vitest'
import { agreedTextOf, compareDrafts } from '../../../shared/compare/index.ts'
import type { DraftJSON } from '../../../shared/numbering.ts'
import { blockOf, demoDraft, textOf } from './draftVariants.ts'

const bracketed = { type: 'bracketed' }
const proposal = { type: 'insertion', attrs: { proposalId: 'prop-0002', delegation: 'MAR' } }

/** "Nous [soutenons *pleinement* {proposed "et durablement "}les] États." */
const withBrackets: DraftJSON[] = [
  { type: 'text', text: 'Nous ' },
  { type: 'text', text: 'soutenons ', marks: [bracketed] },
  { type: 'text', text: 'pleinement', marks: [bracketed, { type: 'italic' }] },
  { type: 'text', text: ' et durablement', marks: [bracketed, proposal] },
  { type: 'text', text: ' les', marks: [bracketed] },
  { type: 'text', text: ' États.' },
]

describe('square brackets in the compared text', () => {
  it('prints one pair around each run, whatever marks cut it, proposals left out', () => {
    expect(agreedTextOf({ type: 'paragraph', content: withBrackets })).toBe(
      'Nous [soutenons pleinement les] États.',
    )
    const twoRuns: DraftJSON[] = [
      { type: 'text', text: 'a ', marks: [bracketed] },
      { type: 'text', text: 'ou b ' },
      { type: 'text', text: 'c', marks: [bracketed] },
    ]
    expect(agreedTextOf({ type: 'paragraph', content: twoRuns })).toBe('[a ]ou b [c]')
    expect(agreedTextOf({ type: 'paragraph', content: [withBrackets[1]!] })).toBe('[soutenons ]')
  })

  it('shows brackets placed, or removed, as a change in the word diff', () => {
    const from = demoDraft()
    const to = demoDraft()
    const text = textOf(blockOf(from, 'p-05'))
    const [first, ...rest] = text.split(' ')
    blockOf(to, 'p-05').content = [
      { type: 'text', text: `${first} `, marks: [bracketed] },
      { type: 'text', text: rest.join(' ') },
    ]
    const placed = compareDrafts(from, to).paragraphs.find((p) => p.toUid === 'p-05')
    expect(placed?.status).toBe('changed')
    expect(
      placed?.diff
        .filter(([op]) => op === 1)
        .map(([, t]) => t)
        .join(''),
    ).toContain('[')
    const removed = compareDrafts(to, from).paragraphs.find((p) => p.toUid === 'p-05')
    expect(removed?.status).toBe('changed')
    expect(
      removed?.diff
        .filter(([op]) => op === -1)
        .map(([, t]) => t)
        .join(''),
    ).toContain(']')
  })
})
