import { describe, expect, it } from 'vitest'
import type { EditorState } from '@tiptap/pm/state'
import {
  insertAction,
  insertObjective,
  insertParagraph,
} from '../../../client/src/editor/blockInsertions.ts'
import { compact, objective } from '../../shared/draftFixtures.ts'
import { childTypes, posOf, stateAt } from './draftState.ts'

type Insertion = typeof insertParagraph

const draft = compact([objective('o1', 2), objective('o2', 1)])

/** Runs an insertion with the cursor in block `uid`; the new state, or null if it refused. */
function run(insertion: Insertion, uid: string): EditorState | null {
  const state = stateAt(draft, uid)
  if (!insertion(state.tr, false)) return null
  const tr = state.tr
  expect(insertion(tr, true)).toBe(true)
  const next = state.apply(tr)
  next.doc.check()
  return next
}

/** The types of the section-level blocks of section `uid`, titles included. */
const sectionTypes = (state: EditorState, uid: string) =>
  childTypes(state.doc.nodeAt(posOf(state.doc, uid))!)

describe('insertParagraph', () => {
  it('inserts a paragraph after the current paragraph and puts the cursor in it', () => {
    const next = run(insertParagraph, 'p1')!
    expect(sectionTypes(next, 'preamble')).toEqual([
      'sectionTitle',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ])
    const { $from } = next.selection
    expect($from.parent.type.name).toBe('paragraph')
    expect($from.parent.content.size).toBe(0)
    expect($from.index(1)).toBe(2)
  })

  it('inserts after the whole objective when the cursor is in one of its actions', () => {
    const next = run(insertParagraph, 'o1-action-1')!
    expect(sectionTypes(next, 'objectives')).toEqual([
      'sectionTitle',
      'objective',
      'paragraph',
      'objective',
    ])
  })
})

describe('insertAction', () => {
  it('inserts an action after the current action', () => {
    const next = run(insertAction, 'o1-action-0')!
    const o1 = next.doc.nodeAt(posOf(next.doc, 'o1'))!
    expect(childTypes(o1)).toEqual(['objectiveTitle', 'commitment', 'action', 'action', 'action'])
    expect(o1.child(3).content.size).toBe(0)
    expect(next.selection.$from.parent).toBe(o1.child(3))
  })

  it('inserts the first action right after the commitment, from the commitment or the title', () => {
    for (const uid of ['o2-commitment', 'o2-title']) {
      const next = run(insertAction, uid)!
      const o2 = next.doc.nodeAt(posOf(next.doc, 'o2'))!
      expect(childTypes(o2)).toEqual(['objectiveTitle', 'commitment', 'action', 'action'])
      expect(o2.child(2).content.size).toBe(0)
      expect(next.selection.$from.parent).toBe(o2.child(2))
    }
  })

  it('refuses outside an objective', () => {
    expect(run(insertAction, 'p2')).toBeNull()
  })
})

describe('insertObjective', () => {
  it('inserts an empty objective (title, commitment, one action) after the current one', () => {
    const next = run(insertObjective, 'o1-commitment')!
    expect(sectionTypes(next, 'objectives')).toEqual([
      'sectionTitle',
      'objective',
      'objective',
      'objective',
    ])
    const objectives = next.doc.nodeAt(posOf(next.doc, 'objectives'))!
    const inserted = objectives.child(2)
    expect(childTypes(inserted)).toEqual(['objectiveTitle', 'commitment', 'action'])
    expect(inserted.textContent).toBe('')
    expect(next.selection.$from.parent).toBe(inserted.child(0))
  })

  it('inserts in the objectives section from a title, and refuses in other sections', () => {
    expect(run(insertObjective, 'objectives-title')).not.toBeNull()
    expect(run(insertObjective, 'p1')).toBeNull()
  })
})
