import { Node, mergeAttributes } from '@tiptap/core'
import { SECTION_KINDS, type SectionKind } from './sectionKinds.ts'

/**
 * The nodes of a draft compact. The content expressions are the structure of the text:
 * a draft is sections; a section is a heading then numbered paragraphs, guiding principles and
 * objectives; an objective is a title, a commitment paragraph and lettered actions.
 * Numbers are never stored: they are derived from order by `shared/numbering.ts`.
 */

// Parse rules are narrow on purpose: only our own markup becomes a structural node, so that
// pasted HTML from Word or the web falls back to plain paragraphs and the schema decides.
const textBlock = (name: string, tag: string, className: string) =>
  Node.create({
    name,
    content: 'inline*',
    marks: '_',
    defining: true,
    parseHTML: () => [{ tag: `${tag}[data-type="${name}"]`, priority: 60 }],
    renderHTML: ({ HTMLAttributes }) => [
      tag,
      mergeAttributes(HTMLAttributes, { 'data-type': name, class: className }),
      0,
    ],
  })

export const SectionTitle = textBlock('sectionTitle', 'h2', 'section-title')
export const ObjectiveTitle = textBlock('objectiveTitle', 'h3', 'objective-title')
export const Commitment = textBlock('commitment', 'p', 'commitment')
export const Action = textBlock('action', 'p', 'action')
export const Principle = textBlock('principle', 'p', 'principle')

/** A numbered paragraph; also what any pasted or unknown block becomes. */
export const Paragraph = Node.create({
  name: 'paragraph',
  content: 'inline*',
  marks: '_',
  parseHTML: () => [
    { tag: 'p' },
    { tag: 'li' },
    { tag: 'h1' },
    { tag: 'h2' },
    { tag: 'h3' },
    { tag: 'h4' },
    { tag: 'h5' },
    { tag: 'h6' },
    { tag: 'blockquote' },
    { tag: 'pre', preserveWhitespace: 'full' },
  ],
  renderHTML: ({ HTMLAttributes }) => [
    'p',
    mergeAttributes(HTMLAttributes, { 'data-type': 'paragraph', class: 'para' }),
    0,
  ],
})

export const Objective = Node.create({
  name: 'objective',
  content: 'objectiveTitle commitment action*',
  isolating: true,
  defining: true,
  parseHTML: () => [{ tag: 'div[data-type="objective"]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    'div',
    mergeAttributes(HTMLAttributes, { 'data-type': 'objective', class: 'objective' }),
    0,
  ],
})

export const Section = Node.create({
  name: 'section',
  content: 'sectionTitle (paragraph | principle | objective)*',
  isolating: true,
  defining: true,
  addAttributes: () => ({
    kind: {
      default: 'preamble' satisfies SectionKind,
      parseHTML: (element: HTMLElement) => {
        const kind = element.getAttribute('data-kind')
        return SECTION_KINDS.find((k) => k === kind) ?? 'preamble'
      },
      renderHTML: (attributes: Record<string, unknown>) => ({ 'data-kind': attributes.kind }),
    },
  }),
  parseHTML: () => [{ tag: 'section[data-kind]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { class: 'section' }),
    0,
  ],
})
