import type { MouseEvent } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'
import { useProposalMessages } from '../../proposals/useProposalMessages.ts'
import { blockDeletionAtCursor, isSuggesting, type SuggestingStorage } from './SuggestingMode.ts'
import './suggestingControls.css'

const NOT_SUGGESTING = {
  proposer: null,
  mayEditDirectly: false,
  isSuggesting: false,
  isEditable: false,
  deletion: 'none',
  deletionBy: null,
} as const

/**
 * The toolbar's part for proposals: the co-facilitators' "Modifier / Suggérer" switch (a
 * delegation always suggests, and is told so), and "Proposer la suppression" of the paragraph,
 * action or objective at the cursor.
 */
export function SuggestingControls({ editor }: { editor: Editor }) {
  const t = useProposalMessages()
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      // An editor being replaced (the room reloaded the draft) has no storage any more.
      const storage = current.storage.suggesting as SuggestingStorage | undefined
      if (!storage) return NOT_SUGGESTING
      const deletion = blockDeletionAtCursor(storage, current.state)
      return {
        proposer: storage.proposer,
        mayEditDirectly: storage.mayEditDirectly,
        isSuggesting: isSuggesting(storage),
        isEditable: current.isEditable,
        deletion: deletion.type,
        deletionBy: deletion.type === 'proposedByOther' ? deletion.delegation : null,
      }
    },
    equalityFn: (a, b) =>
      b !== null &&
      a.proposer === b.proposer &&
      a.mayEditDirectly === b.mayEditDirectly &&
      a.isSuggesting === b.isSuggesting &&
      a.isEditable === b.isEditable &&
      a.deletion === b.deletion &&
      a.deletionBy === b.deletionBy,
  })
  if (state.proposer === null) return null

  const keepSelection = (event: MouseEvent) => event.preventDefault()
  const deletionLabel =
    state.deletion === 'withdraw'
      ? t.withdrawDeletion
      : state.deletion === 'remove'
        ? t.removeOwnBlock
        : state.deletionBy
          ? t.deletionProposedBy(state.deletionBy)
          : t.proposeDeletion

  return (
    <>
      <span className="toolbar-separator" aria-hidden="true" />
      {state.mayEditDirectly ? (
        <button
          type="button"
          role="switch"
          className="mode-toggle"
          data-testid="mode-toggle"
          data-mode={state.isSuggesting ? 'suggest' : 'edit'}
          aria-checked={state.isSuggesting}
          aria-label={`${t.modeLabel} : ${t.modeEdit} / ${t.modeSuggest}`}
          title={state.isSuggesting ? t.modeSuggestHint : t.modeEditHint}
          onMouseDown={keepSelection}
          onClick={() => editor.commands.setSuggesting(!state.isSuggesting)}
        >
          <span className={state.isSuggesting ? undefined : 'is-active'}>{t.modeEdit}</span>
          <span className={state.isSuggesting ? 'is-active' : undefined}>{t.modeSuggest}</span>
        </button>
      ) : (
        <span className="suggesting-badge" data-testid="suggesting-badge" title={t.suggestingHint}>
          {t.suggestingBadge}
        </span>
      )}
      {state.isSuggesting && (
        <button
          type="button"
          className="toolbar-button"
          data-testid="propose-deletion"
          data-action={state.deletion}
          title={t.proposeDeletionHint}
          disabled={
            !state.isEditable || state.deletion === 'none' || state.deletion === 'proposedByOther'
          }
          onMouseDown={keepSelection}
          onClick={() => {
            if (editor.commands.toggleBlockDeletion()) editor.view.focus()
          }}
        >
          <span aria-hidden="true">⌫</span> {deletionLabel}
        </button>
      )}
    </>
  )
}
