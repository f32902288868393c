import type { MouseEvent } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'
import type { SuggestingStorage } from '../suggesting/SuggestingMode.ts'
import { bracketsActionOf } from './Brackets.ts'
import { useBracketMessages } from './useBracketMessages.ts'

/**
 * "Crochets": the co-facilitators put the selected text in square brackets, or take them off
 * it; disabled, with the reason as its hint, when there is nothing to do. Not shown to others.
 */
export function BracketsButton({ editor }: { editor: Editor }) {
  const t = useBracketMessages()
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const storage = current.storage.suggesting as SuggestingStorage | undefined
      return {
        isShown: storage?.mayEditDirectly === true,
        action: current.isEditable ? bracketsActionOf(current.state) : 'noSelection',
      }
    },
    equalityFn: (a, b) => b !== null && a.isShown === b.isShown && a.action === b.action,
  })
  if (!state.isShown) return null
  const hints = {
    place: t.placeHint,
    remove: t.removeHint,
    noSelection: t.noSelection,
    adRef: t.adRef,
  }
  // Keep the editor's selection: a mousedown on a button would otherwise blur it first.
  const keepSelection = (event: MouseEvent) => event.preventDefault()
  return (
    <button
      type="button"
      className="toolbar-button toolbar-button-compact"
      data-testid="toggle-brackets"
      data-action={state.action}
      aria-label={t.button}
      aria-pressed={state.action === 'remove'}
      title={hints[state.action]}
      disabled={state.action !== 'place' && state.action !== 'remove'}
      onMouseDown={keepSelection}
      onClick={() => {
        if (editor.commands.toggleBrackets()) editor.view.focus()
      }}
    >
      <span aria-hidden="true">[ ]</span> <span className="toolbar-button-text">{t.button}</span>
    </button>
  )
}
