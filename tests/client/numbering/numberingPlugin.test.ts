// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { EditorState } from '@tiptap/pm/state'
import { EditorView } from '@tiptap/pm/view'
import {
  numberDocument,
  numberingKey,
  numberingPlugin,
  type NumberingLabels,
} from '../../../client/src/numbering/numberingPlugin.ts'
import { compact, objective, paragraph } from '../../shared/draftFixtures.ts'
import { draftSchema } from '../../../shared/schema/index.ts'
import { posOf, stateAt } from '../editor/draftState.ts'

const french: NumberingLabels = {
  objectiveHeading: (n) => `Objectif ${n}\u00a0: `,
  adRef: 'agréé ad réf.',
  placeholders: { commitment: 'Nous nous engageons à…' },
}
const english: NumberingLabels = {
  objectiveHeading: (n) => `Objective ${n}: `,
  adRef: 'agreed ad ref',
  placeholders: {},
}

let view: EditorView | null = null
afterEach(() => {
  view?.destroy()
  view = null
})

/** The attributes of every block as the page renders it, by uid. */
function decoratedAttrs(state: EditorState): Record<string, Record<string, string>> {
  view?.destroy()
  view = new EditorView(document.createElement('div'), { state })
  const byUid: Record<string, Record<string, string>> = {}
  for (const element of view.dom.querySelectorAll('[data-uid]')) {
    const attrs: Record<string, string> = {}
    for (const name of ['data-number', 'data-heading', 'data-placeholder', 'data-ad-ref-label']) {
      const value = element.getAttribute(name)
      if (value !== null) attrs[name] = value
    }
    if (element.classList.contains('is-empty')) attrs.class = 'is-empty'
    if (element.classList.contains('is-added-number')) attrs.class = 'is-added-number'
    byUid[element.getAttribute('data-uid') ?? ''] = attrs
  }
  return byUid
}

describe('the numbering plugin', () => {
  const draft = compact([objective('o1', 2), objective('o2', 1)])

  it('puts paragraph numbers, action letters and objective numbers on the blocks', () => {
    const attrs = decoratedAttrs(stateAt(draft, null, [numberingPlugin(french)]))
    expect(attrs.p1?.['data-number']).toBe('1.')
    expect(attrs.p4?.['data-number']).toBe('4.')
    expect(attrs.gp1).toEqual({})
    expect(attrs.o1?.['data-number']).toBe('1')
    expect(attrs['o1-commitment']?.['data-number']).toBe('5.')
    expect(attrs['o1-action-0']?.['data-number']).toBe('a)')
    expect(attrs['o1-action-1']?.['data-number']).toBe('b)')
    expect(attrs['o2-commitment']?.['data-number']).toBe('6.')
    expect(attrs['o2-action-0']?.['data-number']).toBe('a)')
    expect(attrs['o2-title']?.['data-heading']).toBe('Objectif 2\u00a0: ')
  })

  it('renumbers everything after a paragraph inserted by anyone', () => {
    const state = stateAt(draft, null, [numberingPlugin(french)])
    const after = posOf(state.doc, 'p1') + state.doc.nodeAt(posOf(state.doc, 'p1'))!.nodeSize
    const inserted = draftSchema.nodeFromJSON(paragraph('new'))
    const next = state.apply(state.tr.insert(after, inserted))
    const attrs = decoratedAttrs(next)
    expect(attrs.new?.['data-number']).toBe('2.')
    expect(attrs.p2?.['data-number']).toBe('3.')
    expect(attrs['o2-commitment']?.['data-number']).toBe('7.')
    expect(attrs['o2-action-0']?.['data-number']).toBe('a)')
  })

  it('marks empty blocks with their placeholder', () => {
    const empty = compact([
      {
        type: 'objective',
        attrs: { uid: 'o1' },
        content: [
          { type: 'objectiveTitle', attrs: { uid: 't' } },
          { type: 'commitment', attrs: { uid: 'c' } },
        ],
      },
    ])
    const attrs = decoratedAttrs(stateAt(empty, null, [numberingPlugin(french)]))
    expect(attrs.c).toMatchObject({
      class: 'is-empty',
      'data-placeholder': 'Nous nous engageons à…',
    })
  })

  it('switches the headings language without renumbering', () => {
    const state = stateAt(draft, null, [numberingPlugin(french)])
    const blocks = numberingKey.getState(state)?.blocks
    const next = state.apply(state.tr.setMeta(numberingKey, { labels: english }))
    expect(numberingKey.getState(next)?.blocks).toBe(blocks)
    expect(decoratedAttrs(next)['o1-title']?.['data-heading']).toBe('Objective 1: ')
  })

  it('numbers blocks added since the last revision "bis" once it is given, and badges ad ref ones', () => {
    const withNew = compact([objective('o1', 2)])
    const preamble = withNew.content?.[0]?.content
    preamble?.splice(2, 0, paragraph('new'))
    const p1 = preamble?.[1]
    if (p1) p1.attrs = { ...p1.attrs, adRef: true }
    const state = stateAt(withNew, null, [numberingPlugin(french)])
    expect(decoratedAttrs(state).new?.['data-number']).toBe('2.')
    expect(decoratedAttrs(state).p1?.['data-ad-ref-label']).toBe('agréé ad réf.')
    const revisionUids = new Set(['p1', 'p2', 'p3', 'p4', 'o1', 'o1-commitment'])
    const next = state.apply(state.tr.setMeta(numberingKey, { base: { revisionUids } }))
    expect(decoratedAttrs(next).new).toMatchObject({
      'data-number': '1 bis.',
      class: 'is-added-number',
    })
    expect(decoratedAttrs(next).p2?.['data-number']).toBe('2.')
  })

  it('keeps its state when the selection moves', () => {
    const state = stateAt(draft, null, [numberingPlugin(french)])
    const moved = stateAt(draft, 'p3', [numberingPlugin(french)])
    expect(numberingKey.getState(moved)?.blocks.length).toBe(
      numberingKey.getState(state)?.blocks.length,
    )
  })

  it('renumbers a full compact (300+ blocks) on each keystroke well within a frame', () => {
    const objectives = Array.from({ length: 23 }, (_, i) => objective(`o${i}`, 12))
    let state = stateAt(compact(objectives), 'o12-commitment', [numberingPlugin(french)])
    expect(numberDocument(state.doc).length).toBeGreaterThan(300)
    const runs = 50
    const start = performance.now()
    for (let i = 0; i < runs; i++) state = state.apply(state.tr.insertText('x'))
    const perKeystroke = (performance.now() - start) / runs
    // One walk, one numbering call, one decoration set: a few ms even on a slow CI machine.
    expect(perKeystroke).toBeLessThan(8)
  })
})
