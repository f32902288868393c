import type { MouseEvent } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'
import { useI18n } from '../i18n/I18nContext.ts'
import { insertAction, insertObjective, insertParagraph } from './blockInsertions.ts'
import { BracketsButton } from './brackets/BracketsButton.tsx'
import { SuggestingControls } from './suggesting/SuggestingControls.tsx'

/** The toolbar's insertions: the check (on the current state, nothing changed) and the command. */
const INSERTIONS = [
  {
    kind: 'paragraph',
    icon: '¶',
    applies: insertParagraph,
    insert: (editor: Editor) => editor.commands.insertParagraphAfter(),
  },
  {
    kind: 'action',
    icon: 'a)',
    applies: insertAction,
    insert: (editor: Editor) => editor.commands.insertActionAfter(),
  },
  {
    kind: 'objective',
    icon: '◎',
    applies: insertObjective,
    insert: (editor: Editor) => editor.commands.insertObjectiveAfter(),
  },
] as const

type InsertionKind = (typeof INSERTIONS)[number]['kind']

/**
 * Insert a paragraph, an action or an objective where the cursor is (proposed, in suggesting
 * mode); put text in brackets; switch between editing and suggesting; propose a block's deletion.
 */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useI18n()
  // Asked at every transaction, keystrokes included: the checks themselves on one transaction
  // of the current state, not `editor.can()`, which builds a chain of every command each time.
  const applies = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const tr = current.state.tr
      return Object.fromEntries(
        INSERTIONS.map(({ kind, applies }) => [kind, current.isEditable && applies(tr, false)]),
      ) as Record<InsertionKind, boolean>
    },
  })
  const labels: Record<InsertionKind, { label: string; hint: string }> = {
    paragraph: { label: t.insertParagraph, hint: t.insertParagraphHint },
    action: { label: t.insertAction, hint: t.insertActionHint },
    objective: { label: t.insertObjective, hint: t.insertObjectiveHint },
  }

  // Keep the editor's selection: a mousedown on a button would otherwise blur it first.
  const keepSelection = (event: MouseEvent) => event.preventDefault()

  return (
    <div className="toolbar" role="toolbar" aria-label={t.toolbarLabel}>
      <span className="toolbar-label">{t.toolbarLabel}</span>
      {INSERTIONS.map(({ kind, icon, insert }) => (
        <button
          key={kind}
          type="button"
          className="toolbar-button"
          data-testid={`insert-${kind}`}
          title={labels[kind].hint}
          disabled={!applies[kind]}
          onMouseDown={keepSelection}
          onClick={() => {
            // Focus at once (not on the next frame), so that typing right after the click
            // goes in the text.
            if (insert(editor)) editor.view.focus()
          }}
        >
          <span aria-hidden="true">{icon}</span> {labels[kind].label}
        </button>
      ))}
      <BracketsButton editor={editor} />
      <SuggestingControls editor={editor} />
    </div>
  )
}
