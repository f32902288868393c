import { describe, expect, it } from 'vitest'
import {
  agreedBlockUidsOf,
  insertionSuffix,
  numberDraft,
  type DraftJSON,
  type NumberingBase,
} from '../../shared/numbering.ts'
import {
  action,
  block,
  compact,
  objective,
  paragraph,
  section,
  doc,
  text,
} from './draftFixtures.ts'

/** A block proposed whole by a delegation, as the editor marks it. */
const proposed = (node: DraftJSON, delegation = 'FRA'): DraftJSON => ({
  ...node,
  attrs: {
    ...node.attrs,
    insertedBy: { proposalId: `prop-${String(node.attrs?.uid)}`, delegation },
  },
})

const labels = (root: DraftJSON, base: NumberingBase = {}): Record<string, string> =>
  Object.fromEntries([...numberDraft(root, base)].map(([uid, number]) => [uid, number.label]))

describe('insertionSuffix', () => {
  it('counts blocks added after an agreed one in Latin, as UN texts do', () => {
    expect([1, 2, 3, 4, 5, 6].map(insertionSuffix)).toEqual([
      'bis',
      'ter',
      'quater',
      'quinquies',
      'sexies',
      'septies',
    ])
    expect(insertionSuffix(9)).toBe('decies')
    expect(insertionSuffix(19)).toBe('vicies')
    expect(insertionSuffix(20)).toBe('(21)')
  })
})

describe('numbering with proposals: agreed numbers never move', () => {
  it('numbers a proposed paragraph after 2 "2 bis", and 3 stays 3', () => {
    const draft = doc(
      section('s', 'preamble', [
        paragraph('p1'),
        paragraph('p2'),
        proposed(paragraph('new')),
        paragraph('p3'),
      ]),
    )
    expect(labels(draft)).toEqual({ p1: '1.', p2: '2.', new: '2 bis.', p3: '3.' })
  })

  it('numbers several proposed paragraphs in a row bis, ter, quater', () => {
    const draft = doc(
      section('s', 'preamble', [
        paragraph('p1'),
        proposed(paragraph('a'), 'FRA'),
        proposed(paragraph('b'), 'MAR'),
        proposed(paragraph('c'), 'co-facilitators'),
        paragraph('p2'),
      ]),
    )
    expect(labels(draft)).toMatchObject({ a: '1 bis.', b: '1 ter.', c: '1 quater.', p2: '2.' })
  })

  it('numbers a proposed paragraph before the first "1 pre", never "0 bis"', () => {
    const draft = doc(
      section('s', 'preamble', [
        proposed(paragraph('first')),
        proposed(paragraph('second')),
        paragraph('p1'),
      ]),
    )
    expect(labels(draft)).toEqual({ first: '1 pre.', second: '1 pre bis.', p1: '1.' })
  })

  it('letters a proposed action after d) "d bis)", and e) stays e)', () => {
    const o = objective('o1', 5)
    o.content?.splice(6, 0, proposed(action('new')))
    const numbers = numberDraft(compact([o]))
    expect(numbers.get('o1-action-3')?.label).toBe('d)')
    expect(numbers.get('new')).toMatchObject({
      kind: 'action',
      letter: 'd',
      added: 1,
      label: 'd bis)',
    })
    expect(numbers.get('o1-action-4')?.label).toBe('e)')
  })

  it('numbers a proposed objective "Objectif 1 bis": its commitment is a bis paragraph, its actions a), b)', () => {
    const draft = compact([objective('o1', 1), proposed(objective('new', 2)), objective('o2', 1)])
    const numbers = numberDraft(draft)
    expect(numbers.get('new')).toMatchObject({ objective: 1, added: 1, label: 'Objectif 1 bis' })
    expect(numbers.get('o2')?.label).toBe('Objectif 2')
    expect(numbers.get('new-commitment')?.label).toBe('5 bis.')
    expect(numbers.get('o2-commitment')?.label).toBe('6.')
    expect(numbers.get('new-action-0')?.label).toBe('a)')
    expect(numbers.get('new-action-1')?.label).toBe('b)')
    expect(numbers.get('o2-action-0')?.label).toBe('a)')
  })

  it('letters the only, proposed, action of an objective a): there is no agreed letter to keep', () => {
    const o = objective('o1', 0)
    o.content?.push(proposed(action('only')))
    expect(labels(compact([o])).only).toBe('a)')
  })

  it('keeps the number of a block proposed for deletion until the deletion is accepted', () => {
    const p2 = paragraph('p2')
    p2.attrs = { ...p2.attrs, deletedBy: { proposalId: 'prop-del', delegation: 'DEU' } }
    const draft = doc(section('s', 'preamble', [paragraph('p1'), p2, paragraph('p3')]))
    expect(labels(draft)).toEqual({ p1: '1.', p2: '2.', p3: '3.' })
  })
})

describe('numbering against the last revision', () => {
  const revision = doc(
    section('s', 'preamble', [paragraph('p1'), paragraph('p2'), proposed(paragraph('open'))]),
  )
  const base = { revisionUids: agreedBlockUidsOf(revision) }

  it('leaves blocks still proposed in the revision out of its agreed blocks', () => {
    expect([...base.revisionUids].sort()).toEqual(['p1', 'p2', 's', 's-title'])
  })

  it('keeps "bis" on a paragraph accepted since the last revision', () => {
    const live = doc(
      section('s', 'preamble', [paragraph('p1'), paragraph('accepted'), paragraph('p2')]),
    )
    expect(labels(live, base)).toEqual({ p1: '1.', accepted: '1 bis.', p2: '2.' })
    // A revision published from it consolidates: numbered against itself, it is all agreed.
    expect(labels(live, { revisionUids: agreedBlockUidsOf(live) })).toEqual({
      p1: '1.',
      accepted: '2.',
      p2: '3.',
    })
    expect(labels(live)).toEqual({ p1: '1.', accepted: '2.', p2: '3.' })
  })

  it('keeps "bis" on the proposal that was open in the revision once it is accepted', () => {
    const live = doc(
      section('s', 'preamble', [paragraph('p1'), paragraph('p2'), paragraph('open')]),
    )
    expect(labels(live, base).open).toBe('2 bis.')
  })

  it('numbers a block without a uid as added', () => {
    const live = doc(
      section('s', 'preamble', [
        paragraph('p1'),
        block('paragraph', '', text('x')),
        paragraph('p2'),
      ]),
    )
    expect(labels(live, base)).toEqual({ p1: '1.', p2: '2.' })
  })
})
