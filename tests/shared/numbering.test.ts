import { describe, expect, it } from 'vitest'
import {
  actionLetter,
  blocksOfJSON,
  numberBlocks,
  numberDraft,
  type BlockNumber,
  type BlockRef,
  type DraftJSON,
} from '../../shared/numbering.ts'
import { action, compact, doc, objective, paragraph, section, text } from './draftFixtures.ts'

const labelsByUid = (root: DraftJSON): Record<string, string> =>
  Object.fromEntries([...numberDraft(root)].map(([uid, number]) => [uid, number.label]))

function numberOf(root: DraftJSON, uid: string): BlockNumber {
  const number = numberDraft(root).get(uid)
  if (!number) throw new Error(`block ${uid} has no number`)
  return number
}

describe('actionLetter', () => {
  it('letters a..z, then doubles the letter as UN texts do', () => {
    expect([0, 1, 2, 25].map(actionLetter)).toEqual(['a', 'b', 'c', 'z'])
    expect([26, 27, 51].map(actionLetter)).toEqual(['aa', 'bb', 'zz'])
    expect(actionLetter(52)).toBe('aaa')
  })
})

describe('numberBlocks', () => {
  it('returns one entry per block, null for blocks that carry no number', () => {
    const blocks: BlockRef[] = [
      { type: 'section', uid: 's' },
      { type: 'sectionTitle', uid: 'st' },
      { type: 'principle', uid: 'gp' },
      { type: 'objectiveTitle', uid: 'ot' },
      { type: 'paragraph', uid: null },
    ]
    expect(numberBlocks(blocks)).toEqual([
      null,
      null,
      null,
      null,
      { kind: 'paragraph', paragraph: 1, added: 0, numeral: '1', label: '1.' },
    ])
  })
})

describe('numberDraft', () => {
  const draft = compact([objective('o1', 3), objective('o2', 2), objective('o3', 0)])

  it('numbers paragraphs continuously through sections, counting commitments as paragraphs', () => {
    const labels = labelsByUid(draft)
    expect([labels.p1, labels.p2, labels.p3, labels.p4]).toEqual(['1.', '2.', '3.', '4.'])
    expect(labels['o1-commitment']).toBe('5.')
    expect(labels['o2-commitment']).toBe('6.')
    expect(labels['o3-commitment']).toBe('7.')
  })

  it('numbers objectives 1..n', () => {
    expect(numberOf(draft, 'o1')).toEqual({
      kind: 'objective',
      objective: 1,
      added: 0,
      numeral: '1',
      label: 'Objectif 1',
    })
    expect(numberOf(draft, 'o2')).toMatchObject({ objective: 2 })
    expect(numberOf(draft, 'o3')).toMatchObject({ objective: 3 })
  })

  it('letters actions a), b), ... afresh in each objective', () => {
    const labels = labelsByUid(draft)
    expect(['o1-action-0', 'o1-action-1', 'o1-action-2'].map((uid) => labels[uid])).toEqual([
      'a)',
      'b)',
      'c)',
    ])
    expect(['o2-action-0', 'o2-action-1'].map((uid) => labels[uid])).toEqual(['a)', 'b)'])
    expect(numberOf(draft, 'o2-action-1')).toEqual({
      kind: 'action',
      objective: 2,
      letter: 'b',
      added: 0,
      numeral: 'b',
      label: 'b)',
    })
  })

  it('letters the 27th action of an objective aa)', () => {
    const labels = labelsByUid(compact([objective('long', 28)]))
    expect(labels['long-action-25']).toBe('z)')
    expect(labels['long-action-26']).toBe('aa)')
    expect(labels['long-action-27']).toBe('bb)')
  })

  it('is keyed by uid and leaves out blocks without a number', () => {
    const numbers = numberDraft(draft)
    for (const uid of ['preamble', 'preamble-title', 'gp1', 'gp2', 'o1-title', 'objectives']) {
      expect(numbers.has(uid)).toBe(false)
    }
    // 4 paragraphs, 3 commitments, 3 objectives, 5 actions.
    expect(numbers.size).toBe(15)
  })

  it('skips blocks that have no uid yet but still counts them', () => {
    const withoutUid = doc(
      section('s', 'preamble', [{ type: 'paragraph', content: text('sans uid') }, paragraph('p')]),
    )
    expect(labelsByUid(withoutUid)).toEqual({ p: '2.' })
  })

  it('shifts later objectives and paragraphs by one when an objective is inserted', () => {
    const beforeDraft = compact([objective('o1', 2), objective('o2', 2), objective('o3', 1)])
    const afterDraft = compact([
      objective('o1', 2),
      objective('new', 1),
      objective('o2', 2),
      objective('o3', 1),
    ])
    const before = labelsByUid(beforeDraft)
    const after = labelsByUid(afterDraft)

    // Earlier blocks keep their numbers.
    for (const uid of ['p1', 'p4', 'o1-commitment', 'o1-action-1']) {
      expect(after[uid]).toBe(before[uid])
    }
    expect(numberOf(afterDraft, 'o1')).toEqual(numberOf(beforeDraft, 'o1'))
    expect(after['new-commitment']).toBe('6.')
    expect([before['o2-commitment'], after['o2-commitment']]).toEqual(['6.', '7.'])
    expect([before['o3-commitment'], after['o3-commitment']]).toEqual(['7.', '8.'])
    expect(numberOf(afterDraft, 'new')).toMatchObject({ objective: 2 })
    expect(numberOf(afterDraft, 'o2')).toMatchObject({ objective: 3 })
    expect(numberOf(afterDraft, 'o3')).toMatchObject({ objective: 4 })
    // Actions are lettered within their own objective: they keep their letters.
    expect(after['o2-action-1']).toBe('b)')
    expect(numberOf(afterDraft, 'o3-action-0')).toMatchObject({ objective: 4, letter: 'a' })
  })

  it('shifts the letters of later actions when an action is inserted', () => {
    const withInsert = objective('o1', 3)
    withInsert.content?.splice(3, 0, action('inserted'))
    const labels = labelsByUid(compact([withInsert, objective('o2', 2)]))

    expect(labels['o1-action-0']).toBe('a)')
    expect(labels.inserted).toBe('b)')
    expect(labels['o1-action-1']).toBe('c)')
    expect(labels['o1-action-2']).toBe('d)')
    // Paragraph numbers and the next objective's letters are untouched.
    expect(labels['o1-commitment']).toBe('5.')
    expect(labels['o2-commitment']).toBe('6.')
    expect(labels['o2-action-0']).toBe('a)')
  })
})

describe('blocksOfJSON', () => {
  it('lists blocks in document order without the root or text nodes', () => {
    const root = doc(section('s', 'preamble', [paragraph('p')]))
    expect(blocksOfJSON(root).map((node) => node.type)).toEqual([
      'section',
      'sectionTitle',
      'paragraph',
    ])
  })
})
