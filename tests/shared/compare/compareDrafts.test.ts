import { describe, expect, it } from 'vitest'
import { Comparison, compareDrafts, type ComparedParagraph } from '../../../shared/compare/index.ts'
import { blocksOfJSON, type DraftJSON } from '../../../shared/numbering.ts'
import {
  blockOf,
  demoDraft,
  insertAfter,
  removeBlock,
  renewUids,
  replaceWord,
  setText,
  textBlock,
  textOf,
} from './draftVariants.ts'

const demo = demoDraft()
const textBlockCount = blocksOfJSON(demo).filter(
  (block) => block.type !== 'section' && block.type !== 'objective',
).length

const changesOf = (comparison: Comparison): ComparedParagraph[] =>
  comparison.paragraphs.filter((paragraph) => paragraph.status !== 'unchanged')

const editsOf = (paragraph: ComparedParagraph | undefined) =>
  paragraph?.diff.filter(([op]) => op !== 0)

const byToUid = (comparison: Comparison, uid: string) =>
  comparison.paragraphs.find((paragraph) => paragraph.toUid === uid)

const noChanges = {
  changed: 0,
  inserted: 0,
  deleted: 0,
  moved: 0,
  wordsAdded: 0,
  wordsRemoved: 0,
}

describe('compareDrafts', () => {
  it('finds no change between identical revisions', () => {
    const comparison = compareDrafts(demo, demoDraft())
    expect(Comparison.parse(comparison)).toEqual(comparison)
    expect(comparison.paragraphs).toHaveLength(textBlockCount)
    expect(changesOf(comparison)).toEqual([])
    expect(comparison.summary).toEqual({ byObjective: [], totals: noChanges })
    expect(byToUid(comparison, 'obj-03-title')).toMatchObject({
      fromNumber: 'Objectif 3',
      toNumber: 'Objectif 3',
      objective: 3,
      sectionKind: 'objectives',
      type: 'objectiveTitle',
    })
  })

  it('shows one word changed as one word removed and one added', () => {
    const to = demoDraft()
    replaceWord(to, 'obj-04-b', 'documents', 'papiers')
    const comparison = compareDrafts(demo, to)
    expect(changesOf(comparison)).toMatchObject([
      { status: 'changed', fromUid: 'obj-04-b', toUid: 'obj-04-b', fromNumber: 'b)' },
    ])
    expect(editsOf(byToUid(comparison, 'obj-04-b'))).toEqual([
      [-1, 'documents'],
      [1, 'papiers'],
    ])
    expect(comparison.summary).toEqual({
      byObjective: [{ objective: 4, ...noChanges, changed: 1, wordsAdded: 1, wordsRemoved: 1 }],
      totals: { ...noChanges, changed: 1, wordsAdded: 1, wordsRemoved: 1 },
    })
  })

  it('reports a moved paragraph as moved, with both numbers, and nothing else', () => {
    const to = demoDraft()
    insertAfter(to, 'p-06', removeBlock(to, 'p-03'))
    const comparison = compareDrafts(demo, to)
    expect(changesOf(comparison)).toEqual([
      expect.objectContaining({
        status: 'moved',
        fromUid: 'p-03',
        toUid: 'p-03',
        fromNumber: '3.',
        toNumber: '6.',
        diff: [[0, textOf(blockOf(demo, 'p-03'))]],
      }),
    ])
    expect(byToUid(comparison, 'p-04')).toMatchObject({
      status: 'unchanged',
      fromNumber: '4.',
      toNumber: '3.',
    })
    expect(comparison.summary.totals).toEqual({ ...noChanges, moved: 1 })
  })

  it('gives a moved paragraph whose text changed its word diff', () => {
    const to = demoDraft()
    insertAfter(to, 'p-14', removeBlock(to, 'p-09'))
    replaceWord(to, 'p-09', 'essentiel', 'indispensable')
    const [moved, ...others] = changesOf(compareDrafts(demo, to))
    expect(others).toEqual([])
    expect(moved).toMatchObject({ status: 'moved', fromNumber: '9.', toNumber: '14.' })
    expect(editsOf(moved)).toEqual([
      [-1, 'essentiel'],
      [1, 'indispensable'],
    ])
  })

  it('reports an objective inserted in the middle as inserted, and the renumbering as no change', () => {
    const to = demoDraft()
    insertAfter(to, 'obj-12', {
      type: 'objective',
      attrs: { uid: 'obj-new' },
      content: [
        textBlock('objectiveTitle', 'obj-new-title', 'Renforcer la coopération numérique'),
        textBlock(
          'commitment',
          'obj-new-commitment',
          'Nous nous engageons à mettre les outils numériques au service de migrations sûres.',
        ),
        textBlock('action', 'obj-new-a', 'Partager les registres d’état civil ;'),
        textBlock('action', 'obj-new-b', 'Former les agents consulaires.'),
      ],
    })
    const comparison = compareDrafts(demo, to)
    expect(changesOf(comparison)).toEqual([
      expect.objectContaining({
        status: 'inserted',
        toUid: 'obj-new-title',
        toNumber: 'Objectif 13',
      }),
      expect.objectContaining({ status: 'inserted', toUid: 'obj-new-commitment', toNumber: '29.' }),
      expect.objectContaining({ status: 'inserted', toUid: 'obj-new-a', toNumber: 'a)' }),
      expect.objectContaining({ status: 'inserted', toUid: 'obj-new-b', toNumber: 'b)' }),
    ])
    expect(changesOf(comparison).every((p) => p.objective === 13 && p.fromUid === null)).toBe(true)
    expect(byToUid(comparison, 'obj-13-title')).toMatchObject({
      status: 'unchanged',
      fromNumber: 'Objectif 13',
      toNumber: 'Objectif 14',
      objective: 14,
    })
    expect(byToUid(comparison, 'p-54')).toMatchObject({ fromNumber: '54.', toNumber: '55.' })
    expect(comparison.summary).toEqual({
      byObjective: [{ objective: 13, ...noChanges, inserted: 4, wordsAdded: 27 }],
      totals: { ...noChanges, inserted: 4, wordsAdded: 27 },
    })
  })

  it('sums up per objective, the text outside the objectives first', () => {
    const to = demoDraft()
    replaceWord(to, 'obj-07-a', 'migrants', 'personnes')
    replaceWord(to, 'obj-02-commitment', 'favorables', 'propices')
    replaceWord(to, 'p-45', 'mondial', 'international')
    removeBlock(to, 'obj-07-b')
    const { byObjective, totals } = compareDrafts(demo, to).summary
    expect(byObjective.map((entry) => [entry.objective, entry.changed, entry.deleted])).toEqual([
      [null, 1, 0],
      [2, 1, 0],
      [7, 1, 1],
    ])
    expect(totals).toMatchObject({ changed: 3, deleted: 1, wordsAdded: 3 })
    expect(totals.wordsRemoved).toBeGreaterThan(10)
  })

  it('reports a deleted paragraph where it stood', () => {
    const to = demoDraft()
    removeBlock(to, 'p-12')
    const comparison = compareDrafts(demo, to)
    const uids = comparison.paragraphs.map((p) => p.fromUid ?? p.toUid)
    expect(uids.slice(uids.indexOf('p-11'), uids.indexOf('p-11') + 3)).toEqual([
      'p-11',
      'p-12',
      'p-13',
    ])
    expect(changesOf(comparison)).toMatchObject([
      { status: 'deleted', fromUid: 'p-12', toUid: null, fromNumber: '12.', toNumber: null },
    ])
  })

  describe('a paragraph split in two', () => {
    const original = textOf(blockOf(demo, 'p-05'))
    const cut = original.indexOf('. ') + 1
    const [first, second] = [original.slice(0, cut), original.slice(cut + 1)]
    const split = (): DraftJSON => {
      const to = demoDraft()
      setText(to, 'p-05', first)
      insertAfter(to, 'p-05', textBlock('paragraph', 'p-05-split', second))
      return to
    }

    it('names the split: one paragraph in A, the two halves in B, one diff cut by a line break', () => {
      const comparison = compareDrafts(demo, split())
      expect(changesOf(comparison)).toMatchObject([
        {
          status: 'split',
          fromUid: 'p-05',
          toUid: 'p-05',
          fromNumber: '5.',
          toNumber: '5.',
          joined: { side: 'to', uids: ['p-05', 'p-05-split'], numbers: ['5.', '6.'] },
        },
      ])
      expect(editsOf(byToUid(comparison, 'p-05'))).toEqual([
        [-1, ' '],
        [1, '\n'],
      ])
      expect(byToUid(comparison, 'p-06')).toMatchObject({ status: 'unchanged', toNumber: '7.' })
    })

    it('names the split too when the revision was imported with fresh uids', () => {
      const comparison = compareDrafts(demo, renewUids(split()))
      expect(comparison.paragraphs).toHaveLength(textBlockCount)
      expect(changesOf(comparison)).toMatchObject([
        { status: 'split', fromUid: 'p-05', joined: { side: 'to', numbers: ['5.', '6.'] } },
      ])
    })
  })

  it('pairs an imported revision, all uids new, by similarity and finds the changed word', () => {
    const edited = demoDraft()
    replaceWord(edited, 'p-42', 'synergies', 'liens')
    const comparison = compareDrafts(demo, renewUids(edited))
    expect(comparison.paragraphs).toHaveLength(textBlockCount)
    expect(comparison.paragraphs.every((p) => p.fromUid !== null && p.toUid !== null)).toBe(true)
    expect(comparison.paragraphs.every((p) => p.fromNumber === p.toNumber)).toBe(true)
    const [changed, ...others] = changesOf(comparison)
    expect(others).toEqual([])
    expect(changed).toMatchObject({ status: 'changed', fromUid: 'p-42', toNumber: '42.' })
    expect(changed?.toUid).toMatch(/^imported-/)
    expect(editsOf(changed)).toEqual([
      [-1, 'synergies'],
      [1, 'liens'],
    ])
  })

  it('shows a French change inside a paragraph: l’État -> l’Union, « » and NBSP kept', () => {
    const sentence = (who: string) =>
      ` Le rôle de ${who} est de protéger les «\u00a0migrants\u00a0».`
    const from = demoDraft()
    const to = demoDraft()
    setText(from, 'p-08', textOf(blockOf(demo, 'p-08')) + sentence('l’État'))
    setText(to, 'p-08', textOf(blockOf(demo, 'p-08')) + sentence('l’Union'))
    const changed = byToUid(compareDrafts(from, to), 'p-08')
    expect(editsOf(changed)).toEqual([
      [-1, 'État'],
      [1, 'Union'],
    ])
    expect(changed?.diff.at(-1)).toEqual([0, ' est de protéger les «\u00a0migrants\u00a0».'])
  })
})
