import { Mark, mergeAttributes } from '@tiptap/core'
import {
  CO_FACILITATORS,
  CO_FACILITATORS_DELETION_MARK,
  CO_FACILITATORS_INSERTION_MARK,
} from '../draft/index.ts'

/** Every piece of the co-facilitators' edits says whose it is, in the DOM and in HTML exports. */
const byCoFacilitators = { 'data-by': CO_FACILITATORS }

/**
 * Text the co-facilitators typed while editing directly, since the last revision. Not
 * inclusive: the editor decides what typing carries, as for proposals.
 */
export const CoFacilitatorsInsertion = Mark.create({
  name: CO_FACILITATORS_INSERTION_MARK,
  inclusive: false,
  parseHTML: () => [{ tag: `ins[data-by="${CO_FACILITATORS}"]` }],
  renderHTML: ({ HTMLAttributes }) => [
    'ins',
    mergeAttributes(HTMLAttributes, byCoFacilitators, { class: 'co-facilitators-insertion' }),
    0,
  ],
})

/**
 * Text the co-facilitators struck out while editing directly: it stays, struck through, until
 * the next revision removes it, as readers of a negotiating text expect to see what went.
 * It excludes only itself (the default), so y-prosemirror stores it under its plain name, not
 * a hashed key; a delegation's deletion mark (which excludes nothing) still lies beside it.
 */
export const CoFacilitatorsDeletion = Mark.create({
  name: CO_FACILITATORS_DELETION_MARK,
  inclusive: false,
  parseHTML: () => [{ tag: `del[data-by="${CO_FACILITATORS}"]` }],
  renderHTML: ({ HTMLAttributes }) => [
    'del',
    mergeAttributes(HTMLAttributes, byCoFacilitators, { class: 'co-facilitators-deletion' }),
    0,
  ],
})
