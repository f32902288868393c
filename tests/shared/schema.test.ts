// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import { draftExtensions, draftSchema } from '../../shared/schema/index.ts'
import { BLOCK_TYPES, isBlockType } from '../../shared/schema/sectionKinds.ts'
import { isUid } from '../../shared/schema/uid.ts'
import type { DraftJSON } from '../../shared/numbering.ts'
import {
  action,
  block,
  compact,
  doc,
  objective,
  paragraph,
  section,
  text,
} from './draftFixtures.ts'

const check = (json: DraftJSON) => draftSchema.nodeFromJSON(json).check()

/** Every block of the editor's document with its uid, in document order. */
function blocksOf(node: PMNode): { type: string; uid: unknown; text: string }[] {
  const blocks: { type: string; uid: unknown; text: string }[] = []
  node.descendants((child) => {
    if (isBlockType(child.type.name)) {
      blocks.push({ type: child.type.name, uid: child.attrs.uid, text: child.textContent })
    }
  })
  return blocks
}

/** The position just inside the end of the first block whose uid is `uid`. */
function endOf(editor: Editor, uid: string): number {
  let end: number | null = null
  editor.state.doc.descendants((node, pos) => {
    if (end === null && node.attrs.uid === uid) end = pos + node.nodeSize - 1
  })
  if (end === null) throw new Error(`no block ${uid}`)
  return end
}

let editors: Editor[] = []

/** A mounted editor, once it has emitted `create` (when UniqueID fills in missing uids). */
async function createEditor(content: DraftJSON): Promise<Editor> {
  const element = document.createElement('div')
  document.body.append(element)
  const editor = await new Promise<Editor>((resolve) => {
    const created: Editor = new Editor({
      element,
      extensions: draftExtensions,
      content,
      onCreate: () => resolve(created),
    })
    editors.push(created)
  })
  return editor
}

afterEach(() => {
  for (const editor of editors) editor.destroy()
  editors = []
  document.body.innerHTML = ''
})

describe('draftSchema', () => {
  it('accepts the structure of the compact', () => {
    expect(() => check(compact([objective('o1', 3), objective('o2', 0)]))).not.toThrow()
  })

  it('accepts a section with only its heading and blocks without uids', () => {
    const bare: DraftJSON = {
      type: 'doc',
      content: [{ type: 'section', content: [{ type: 'sectionTitle' }] }],
    }
    expect(() => check(bare)).not.toThrow()
    expect(draftSchema.nodeFromJSON(bare).firstChild?.attrs).toEqual({
      kind: 'preamble',
      uid: null,
    })
  })

  it('rejects an action directly in a section', () => {
    expect(() => check(doc(section('s', 'objectives', [action('stray')])))).toThrow()
  })

  it('rejects an objective without its commitment', () => {
    const withoutCommitment = block('objective', 'o', [
      block('objectiveTitle', 'o-title', text('Objectif sans engagement')),
      action('o-action'),
    ])
    expect(() => check(doc(section('s', 'objectives', [withoutCommitment])))).toThrow()
  })

  it('rejects an objective whose commitment comes before its title', () => {
    const reversed = block('objective', 'o', [
      block('commitment', 'o-commitment', text('Nous nous engageons')),
      block('objectiveTitle', 'o-title', text('Titre')),
    ])
    expect(() => check(doc(section('s', 'objectives', [reversed])))).toThrow()
  })

  it('rejects a document without sections', () => {
    expect(() => check({ type: 'doc', content: [] })).toThrow()
    expect(() => check({ type: 'doc', content: [paragraph('p')] })).toThrow()
  })

  it('rejects a section without its heading', () => {
    const headless: DraftJSON = {
      type: 'section',
      attrs: { kind: 'vision' },
      content: [paragraph('p')],
    }
    expect(() => check(doc(headless))).toThrow()
  })

  it('allows italic, the proposal marks, the co-facilitators’ edits and brackets, but knows no bold', () => {
    expect(draftSchema.marks.italic).toBeDefined()
    expect(Object.keys(draftSchema.marks)).toEqual([
      'italic',
      'insertion',
      'deletion',
      'coFacilitatorsInsertion',
      'coFacilitatorsDeletion',
      'bracketed',
    ])
    expect(() =>
      draftSchema.nodeFromJSON(
        doc(
          section('s', 'preamble', [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }],
            },
          ]),
        ),
      ),
    ).toThrow()
  })

  it('gives a uid attribute to every block type and to nothing else', () => {
    for (const type of BLOCK_TYPES) {
      expect(draftSchema.nodes[type]?.spec.attrs, type).toHaveProperty('uid')
    }
    expect(draftSchema.nodes.doc?.spec.attrs ?? {}).not.toHaveProperty('uid')
  })
})

describe('block uids in the editor', () => {
  it('gives every block a uid, also blocks loaded without one', async () => {
    const withoutUids: DraftJSON = {
      type: 'doc',
      content: [
        {
          type: 'section',
          attrs: { kind: 'objectives' },
          content: [
            { type: 'sectionTitle', content: text('Objectifs') },
            { type: 'paragraph', content: text('Nous, chefs d’État...') },
            {
              type: 'objective',
              content: [
                { type: 'objectiveTitle', content: text('Objectif') },
                { type: 'commitment', content: text('Nous nous engageons à ...') },
                { type: 'action', content: text('Élaborer ...') },
              ],
            },
          ],
        },
      ],
    }
    const editor = await createEditor(withoutUids)

    const blocks = blocksOf(editor.state.doc)
    expect(blocks.map((b) => b.type)).toEqual([
      'section',
      'sectionTitle',
      'paragraph',
      'objective',
      'objectiveTitle',
      'commitment',
      'action',
    ])
    for (const { uid } of blocks) expect(isUid(uid), String(uid)).toBe(true)
    expect(new Set(blocks.map((b) => b.uid)).size).toBe(blocks.length)
  })

  it('keeps the uids a document was loaded with', async () => {
    const draft = compact([objective('o1', 2)])
    const editor = await createEditor(draft)
    expect(withoutNullAttrs(editor.getJSON())).toEqual(draft)
  })

  it('gives the second half of a split paragraph a new uid and keeps the first', async () => {
    const editor = await createEditor(
      doc(section('s', 'preamble', [paragraph('p1', 'Nous réaffirmons. Nous reconnaissons.')])),
    )
    const splitAt = endOf(editor, 'p1') - ' Nous reconnaissons.'.length
    editor.chain().setTextSelection(splitAt).splitBlock().run()

    const paragraphs = blocksOf(editor.state.doc).filter((b) => b.type === 'paragraph')
    expect(paragraphs.map((b) => b.text)).toEqual(['Nous réaffirmons.', ' Nous reconnaissons.'])
    expect(paragraphs[0]?.uid).toBe('p1')
    expect(isUid(paragraphs[1]?.uid)).toBe(true)
    expect(paragraphs[1]?.uid).not.toBe('p1')
  })

  it('gives a new uid to the part after the cursor when splitting at the start of a block', async () => {
    const editor = await createEditor(doc(section('s', 'preamble', [paragraph('p1', 'Texte')])))
    editor
      .chain()
      .setTextSelection(endOf(editor, 'p1') - 'Texte'.length)
      .splitBlock()
      .run()

    const paragraphs = blocksOf(editor.state.doc).filter((b) => b.type === 'paragraph')
    expect(paragraphs.map((b) => b.text)).toEqual(['', 'Texte'])
    expect(new Set(paragraphs.map((b) => b.uid)).size).toBe(2)
    expect(paragraphs.map((b) => b.uid)).toContain('p1')
  })

  it('creates a new action with a new uid when Enter is pressed at the end of an action', async () => {
    const editor = await createEditor(compact([objective('o1', 2), objective('o2', 1)]))
    editor.commands.setTextSelection(endOf(editor, 'o1-action-0'))
    editor.commands.keyboardShortcut('Enter')
    editor.commands.insertContent('Nouvelle action')

    const objective1 = editor.state.doc.child(2).child(1)
    expect(objective1.type.name).toBe('objective')
    const actions = blocksOf(objective1).filter((b) => b.type === 'action')
    expect(actions.map((b) => b.text)).toEqual([
      'Action o1-action-0.',
      'Nouvelle action',
      'Action o1-action-1.',
    ])
    expect(actions[0]?.uid).toBe('o1-action-0')
    expect(actions[2]?.uid).toBe('o1-action-1')
    expect(isUid(actions[1]?.uid)).toBe(true)
    expect(['o1-action-0', 'o1-action-1']).not.toContain(actions[1]?.uid)
    expect(() => editor.state.doc.check()).not.toThrow()
  })

  it('creates a new paragraph when Enter is pressed at the end of a paragraph', async () => {
    const editor = await createEditor(compact([objective('o1', 1)]))
    editor.commands.setTextSelection(endOf(editor, 'p2'))
    editor.commands.keyboardShortcut('Enter')

    const preamble = blocksOf(editor.state.doc.child(0))
    expect(preamble.map((b) => b.type)).toEqual([
      'sectionTitle',
      'paragraph',
      'paragraph',
      'paragraph',
      'paragraph',
    ])
    expect(preamble.map((b) => b.uid).slice(0, 3)).toEqual(['preamble-title', 'p1', 'p2'])
    expect(preamble[4]?.uid).toBe('p3')
    expect(isUid(preamble[3]?.uid)).toBe(true)
  })

  it('keeps every uid through typing, deleting and formatting', async () => {
    const editor = await createEditor(compact([objective('o1', 2), objective('o2', 2)]))
    const uidsBefore = blocksOf(editor.state.doc).map((b) => b.uid)

    editor
      .chain()
      .setTextSelection(endOf(editor, 'o1-commitment'))
      .insertContent(' et à coopérer')
      .run()
    const end = endOf(editor, 'p2')
    editor
      .chain()
      .setTextSelection({ from: end - 5, to: end })
      .toggleItalic()
      .run()
    editor
      .chain()
      .setTextSelection({ from: end - 3, to: end })
      .deleteSelection()
      .run()
    editor.chain().setTextSelection(endOf(editor, 'o2-action-0')).insertContent('!').run()
    editor
      .chain()
      .setTextSelection(endOf(editor, 'o2-title'))
      .deleteRange({
        from: endOf(editor, 'o2-title') - 2,
        to: endOf(editor, 'o2-title'),
      })
      .run()

    expect(blocksOf(editor.state.doc).map((b) => b.uid)).toEqual(uidsBefore)
    expect(editor.state.doc.textContent).toContain('Nous nous engageons à agir (o1). et à coopérer')
    expect(editor.state.doc.textContent).toContain('Action o2-action-0.!')
  })

  it('keeps the first uid when Backspace joins two actions', async () => {
    const editor = await createEditor(compact([objective('o1', 3)]))
    const startOfSecond = endOf(editor, 'o1-action-1') - 'Action o1-action-1.'.length
    editor.commands.setTextSelection(startOfSecond)
    editor.commands.keyboardShortcut('Backspace')

    const actions = blocksOf(editor.state.doc).filter((b) => b.type === 'action')
    expect(actions.map((b) => b.uid)).toEqual(['o1-action-0', 'o1-action-2'])
    expect(actions[0]?.text).toBe('Action o1-action-0.Action o1-action-1.')
  })

  it('keeps the uids of the blocks on both sides when a selection across them is deleted', async () => {
    const editor = await createEditor(compact([objective('o1', 3)]))
    const from = endOf(editor, 'o1-action-0') - 3
    const to = endOf(editor, 'o1-action-1') - 3
    editor.view.dispatch(
      editor.state.tr
        .setSelection(TextSelection.create(editor.state.doc, from, to))
        .deleteSelection(),
    )

    const actions = blocksOf(editor.state.doc).filter((b) => b.type === 'action')
    expect(actions.map((b) => b.uid)).toEqual(['o1-action-0', 'o1-action-2'])
    expect(() => editor.state.doc.check()).not.toThrow()
  })
})

/** JSON without attributes left at null (blocks carry `insertedBy`/`deletedBy: null` by default). */
function withoutNullAttrs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullAttrs)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNullAttrs(v)]),
  )
}
