import { Mark, mergeAttributes } from '@tiptap/core'
import { BRACKETED_MARK } from '../draft/index.ts'

/**
 * Text in square brackets (see `BRACKETED_MARK`). Not inclusive: the editor decides what typing
 * carries (new text strictly inside brackets stays inside them). The "[" and "]" themselves are
 * decorations around each run, not part of the mark's spans, which other marks may cut.
 * It excludes only itself (the default), so y-prosemirror stores it under its plain name.
 */
export const Bracketed = Mark.create({
  name: BRACKETED_MARK,
  inclusive: false,
  parseHTML: () => [{ tag: 'span[data-bracketed]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, { 'data-bracketed': 'true', class: 'bracketed' }),
    0,
  ],
})
