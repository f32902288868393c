import { Extension } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { DecorationSet } from '@tiptap/pm/view'
import { BRACKETED_MARK } from '../../../../shared/draft/index.ts'
import { touchesAdRef } from '../adRefGuard.ts'
import { asDirectEdit, type SuggestingStorage } from '../suggesting/SuggestingMode.ts'
import { bracketDecorations, type BracketLabels } from './bracketDecorations.ts'
import './brackets.css'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    brackets: {
      /** Puts the selected text in brackets, or removes them if it is all bracketed. */
      toggleBrackets: () => ReturnType
      setBracketLabels: (labels: BracketLabels) => ReturnType
    }
  }
}

/** What the Brackets button would do on the selection, or why it cannot. */
export type BracketsAction = 'place' | 'remove' | 'noSelection' | 'adRef'

/** What toggling brackets on the current selection would do. */
export function bracketsActionOf(state: EditorState): BracketsAction {
  const { from, to, empty } = state.selection
  if (empty) return 'noSelection'
  if (touchesAdRef(state.doc, from, to)) return 'adRef'
  const type = state.schema.marks[BRACKETED_MARK]
  let hasText = false
  let isAllBracketed = true
  state.doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true
    hasText = true
    if (!type?.isInSet(node.marks)) isAllBracketed = false
    return false
  })
  if (!hasText) return 'noSelection'
  return isAllBracketed ? 'remove' : 'place'
}

const bracketsKey = new PluginKey<{ labels: BracketLabels; decorations: DecorationSet }>('brackets')

/**
 * Square brackets in the room: the co-facilitators' command that places or removes them (in
 * either mode: brackets are no proposal), and the "[" and "]" drawn around each bracketed run.
 */
export const Brackets = Extension.create<{ labels: BracketLabels }>({
  name: 'brackets',
  addOptions: () => ({ labels: { inBrackets: '', opening: '', closing: '' } }),

  addCommands() {
    return {
      toggleBrackets:
        () =>
        ({ state, dispatch }) => {
          const storage = this.editor.storage.suggesting as SuggestingStorage | undefined
          if (!storage?.mayEditDirectly) return false
          const action = bracketsActionOf(state)
          const type = state.schema.marks[BRACKETED_MARK]
          if (!type || (action !== 'place' && action !== 'remove')) return false
          if (dispatch) {
            const { from, to } = state.selection
            const tr =
              action === 'place'
                ? state.tr.addMark(from, to, type.create())
                : state.tr.removeMark(from, to, type)
            dispatch(asDirectEdit(tr))
          }
          return true
        },
      setBracketLabels:
        (labels) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(bracketsKey, labels)
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: bracketsKey,
        state: {
          init: (_, { doc }) => ({
            labels: this.options.labels,
            decorations: bracketDecorations(doc, this.options.labels),
          }),
          apply: (tr, value) => {
            const labels = (tr.getMeta(bracketsKey) as BracketLabels | undefined) ?? value.labels
            // A walk of the text blocks' children: well under a millisecond for the compact.
            if (!tr.docChanged && labels === value.labels) return value
            return { labels, decorations: bracketDecorations(tr.doc, labels) }
          },
        },
        props: { decorations: (state) => bracketsKey.getState(state)?.decorations },
      }),
    ]
  },
})
