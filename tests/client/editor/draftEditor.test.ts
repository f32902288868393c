// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { Editor } from '@tiptap/core'
import { draftExtensions } from '../../../shared/schema/index.ts'
import { DraftNumbering } from '../../../client/src/numbering/numberingPlugin.ts'
import { DraftCommands } from '../../../client/src/editor/DraftCommands.ts'
import { numberingLabels } from '../../../client/src/numbering/numberingLabels.ts'
import { fr } from '../../../client/src/i18n/fr.ts'
import { en } from '../../../client/src/i18n/en.ts'
import { compact, objective } from '../../shared/draftFixtures.ts'
import { posOf } from './draftState.ts'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

function openEditor(): Editor {
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...draftExtensions,
      DraftNumbering.configure({ labels: numberingLabels(fr) }),
      DraftCommands,
    ],
    content: compact([objective('o1', 2), objective('o2', 1)]),
  })
  return editor
}

const marginOf = (current: Editor) =>
  [...current.view.dom.querySelectorAll('[data-number]')].map((element) => [
    element.getAttribute('data-type'),
    element.getAttribute('data-number'),
  ])

describe('the draft editor', () => {
  it('inserts an objective whose blocks get uids and numbers', () => {
    const current = openEditor()
    current.commands.setTextSelection(posOf(current.state.doc, 'o1-commitment') + 1)
    expect(current.can().insertObjectiveAfter()).toBe(true)
    current.commands.insertObjectiveAfter()

    const inserted = current.view.dom.querySelectorAll('[data-type="objective"]')[1]
    const uids = [...(inserted?.querySelectorAll('[data-uid]') ?? [])].map((element) =>
      element.getAttribute('data-uid'),
    )
    expect(inserted?.getAttribute('data-uid')).toMatch(/^[0-9a-z]{12}$/)
    expect(uids).toHaveLength(3)
    uids.forEach((uid) => expect(uid).toMatch(/^[0-9a-z]{12}$/))
    expect(inserted?.getAttribute('data-number')).toBe('2')
    expect(inserted?.querySelector('.objective-title')?.getAttribute('data-heading')).toBe(
      'Objectif 2\u00a0: ',
    )
    expect(marginOf(current).slice(-6)).toEqual([
      ['objective', '2'],
      ['commitment', '6.'],
      ['action', 'a)'],
      ['objective', '3'],
      ['commitment', '7.'],
      ['action', 'a)'],
    ])
  })

  it('shows objective headings in the UI language', () => {
    const current = openEditor()
    current.commands.setNumberingLabels(numberingLabels(en))
    const title = current.view.dom.querySelector('.objective-title')
    expect(title?.getAttribute('data-heading')).toBe('Objective 1: ')
  })

  it('disables the action insertion outside objectives', () => {
    const current = openEditor()
    current.commands.setTextSelection(posOf(current.state.doc, 'p2') + 1)
    expect(current.can().insertActionAfter()).toBe(false)
    expect(current.can().insertParagraphAfter()).toBe(true)
  })
})
