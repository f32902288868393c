import { describe, expect, it } from 'vitest'
import { compareDrafts, type Comparison } from '../../../shared/compare/index.ts'
import type { DraftJSON } from '../../../shared/numbering.ts'
import {
  blockOf,
  demoDraft,
  insertAfter,
  removeBlock,
  renewUids,
  setText,
  textBlock,
  textOf,
} from './draftVariants.ts'

/** Hard cases of issue 16: what a reader sees as one paragraph changed must read as such. */

const demo = demoDraft()
const changesOf = (comparison: Comparison) =>
  comparison.paragraphs.filter((paragraph) => paragraph.status !== 'unchanged')
const statusesOf = (comparison: Comparison) => changesOf(comparison).map((p) => p.status)

// Shares almost no word bigram with p-07: a similarity threshold alone would call it new.
const REWORDED_07 =
  'Ce texte, qui n’a pas force obligatoire, organise la coopération entre États sur la base ' +
  'des promesses faites à New York en 2016 et respecte la souveraineté de chacun.'

/** The demo with the same paragraph given a new uid, as a block retyped in the editor. */
function withRetyped(uid: string, text: string): DraftJSON {
  const draft = demoDraft()
  const block = blockOf(draft, uid)
  block.attrs = { ...block.attrs, uid: `${uid}-retyped` }
  setText(draft, `${uid}-retyped`, text)
  return draft
}

describe('a comparison faithful to the reader', () => {
  it('reads a heavily reworded paragraph between unchanged neighbours as changed in place', () => {
    for (const to of [
      withRetyped('p-07', REWORDED_07),
      renewUids(withRetyped('p-07', REWORDED_07)),
    ]) {
      const comparison = compareDrafts(demo, to)
      expect(changesOf(comparison)).toMatchObject([
        { status: 'changed', fromUid: 'p-07', fromNumber: '7.', toNumber: '7.' },
      ])
      const [changed] = changesOf(comparison)
      expect(changed?.diff.some(([op]) => op === 0)).toBe(true)
      expect(
        changed?.diff
          .filter(([op]) => op === 1)
          .map(([, t]) => t)
          .join(''),
      ).toContain('promesses')
    }
  })

  it('reads a reworded objective heading as changed in place, between imported revisions', () => {
    const to = demoDraft()
    setText(
      to,
      'obj-03-title',
      'Informer les migrants, tôt et exactement, tout au long du parcours',
    )
    const comparison = compareDrafts(renewUids(demo, 'a'), renewUids(to, 'b'))
    expect(changesOf(comparison)).toMatchObject([
      {
        status: 'changed',
        type: 'objectiveTitle',
        fromNumber: 'Objectif 3',
        toNumber: 'Objectif 3',
      },
    ])
  })

  it('names a merge: two consecutive paragraphs in A, one in B', () => {
    const to = demoDraft()
    const joined = `${textOf(blockOf(demo, 'p-08'))} ${textOf(blockOf(demo, 'p-09'))}`
    setText(to, 'p-08', joined)
    removeBlock(to, 'p-09')
    for (const side of [to, renewUids(to)]) {
      const comparison = compareDrafts(demo, side)
      expect(changesOf(comparison)).toMatchObject([
        {
          status: 'merged',
          fromUid: 'p-08',
          fromNumber: '8.',
          toNumber: '8.',
          joined: { side: 'from', uids: ['p-08', 'p-09'], numbers: ['8.', '9.'] },
        },
      ])
      expect(changesOf(comparison)[0]?.diff.filter(([op]) => op !== 0)).toEqual([
        [-1, '\n'],
        [1, ' '],
      ])
    }
  })

  it('names a split of an action into two actions, without uids', () => {
    const to = demoDraft()
    const text = textOf(blockOf(demo, 'obj-03-b'))
    const cut = text.indexOf(', notamment')
    setText(to, 'obj-03-b', `${text.slice(0, cut)}.`)
    insertAfter(to, 'obj-03-b', textBlock('action', 'obj-03-b2', `Améliorer${text.slice(cut + 1)}`))
    const comparison = compareDrafts(renewUids(demo, 'a'), renewUids(to, 'b'))
    expect(changesOf(comparison)).toMatchObject([
      { status: 'split', type: 'action', fromNumber: 'b)', joined: { numbers: ['b)', 'c)'] } },
    ])
  })

  it('finds a paragraph moved between imported revisions, reworded or not', () => {
    const to = demoDraft()
    insertAfter(to, 'p-09', removeBlock(to, 'p-05'))
    setText(to, 'p-07', REWORDED_07)
    const comparison = compareDrafts(renewUids(demo, 'a'), renewUids(to, 'b'))
    expect(changesOf(comparison)).toMatchObject([
      { status: 'changed', fromNumber: '7.', toNumber: '6.' },
      { status: 'moved', fromNumber: '5.', toNumber: '9.' },
    ])
  })

  it('keeps a deletion and an unrelated insertion far apart as what they are', () => {
    const to = demoDraft()
    removeBlock(to, 'p-06')
    insertAfter(to, 'p-12', textBlock('paragraph', 'p-new', 'Un paragraphe entièrement nouveau.'))
    expect(statusesOf(compareDrafts(renewUids(demo, 'a'), renewUids(to, 'b')))).toEqual([
      'deleted',
      'inserted',
    ])
  })

  it('pairs a paragraph replaced in place by another of the same kind as a change', () => {
    const to = demoDraft()
    removeBlock(to, 'p-06')
    insertAfter(to, 'p-05', textBlock('paragraph', 'p-new', 'Un paragraphe entièrement nouveau.'))
    expect(changesOf(compareDrafts(demo, to))).toMatchObject([
      { status: 'changed', fromUid: 'p-06', toUid: 'p-new', fromNumber: '6.', toNumber: '6.' },
    ])
  })
})
