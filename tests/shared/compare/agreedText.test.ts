import { describe, expect, it } from 'vitest'
import { agreedTextOf, compareDrafts } from '../../../shared/compare/index.ts'
import type { DraftJSON } from '../../../shared/numbering.ts'
import { blockOf, demoDraft, insertAfter, setText, textOf } from './draftVariants.ts'

const ref = { proposalId: 'prop-0001', delegation: 'FRA' }
const insertion = { type: 'insertion', attrs: ref }
const deletion = { type: 'deletion', attrs: ref }

/** "Nous " [proposed "fermement "] "soutenons " [proposed for deletion "pleinement "] "les États." */
const proposed: DraftJSON[] = [
  { type: 'text', text: 'Nous ' },
  { type: 'text', text: 'fermement ', marks: [insertion] },
  { type: 'text', text: 'soutenons ' },
  { type: 'text', text: 'pleinement ', marks: [deletion, { type: 'italic' }] },
  { type: 'text', text: 'les États.' },
]
const agreed = 'Nous soutenons pleinement les États.'

describe('agreedTextOf', () => {
  it('drops proposed insertions and keeps text proposed for deletion', () => {
    expect(agreedTextOf({ type: 'paragraph', attrs: { uid: 'p-01' }, content: proposed })).toBe(
      agreed,
    )
  })
})

describe('compareDrafts on a draft with proposals', () => {
  const demoText = textOf(blockOf(demoDraft(), 'p-02'))
  const from = demoDraft()
  setText(from, 'p-02', `${demoText} ${agreed}`)

  it('compares the agreed text: open proposals, marks and whole blocks, are no change', () => {
    const to = demoDraft()
    blockOf(to, 'p-02').content = [{ type: 'text', text: `${demoText} ` }, ...proposed]
    insertAfter(to, 'p-03', {
      type: 'paragraph',
      attrs: { uid: 'proposed-paragraph', insertedBy: ref },
      content: [{ type: 'text', text: 'Un paragraphe proposé par la France.' }],
    })
    const { paragraphs, summary } = compareDrafts(from, to)
    expect(paragraphs.filter((paragraph) => paragraph.status !== 'unchanged')).toEqual([])
    expect(paragraphs.find((paragraph) => paragraph.toUid === 'p-04')?.toNumber).toBe('4.')
    expect(summary.byObjective).toEqual([])
  })

  it('shows the change once the deletion is accepted', () => {
    const to = demoDraft()
    setText(to, 'p-02', `${demoText} Nous soutenons les États.`)
    const changed = compareDrafts(from, to).paragraphs.filter((p) => p.status !== 'unchanged')
    expect(changed).toMatchObject([{ toUid: 'p-02', status: 'changed' }])
    expect(changed[0]?.diff.filter(([op]) => op !== 0)).toEqual([[-1, 'pleinement ']])
  })
})
