import type { MouseEvent } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'
import { useI18n } from '../i18n/I18nContext.ts'
import { SuggestingControls } from './suggesting/SuggestingControls.tsx'

/**
 * Insert a paragraph, an action or an objective where the cursor is (proposed, in suggesting
 * mode); switch between editing and suggesting; propose a block's deletion.
 */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useI18n()
  const can = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      paragraph: current.isEditable && current.can().insertParagraphAfter(),
      action: current.isEditable && current.can().insertActionAfter(),
      objective: current.isEditable && current.can().insertObjectiveAfter(),
    }),
  })

  // Keep the editor's selection: a mousedown on a button would otherwise blur it first.
  const keepSelection = (event: MouseEvent) => event.preventDefault()
  // Focus at once (not on the next frame), so that typing right after the click goes in the text.
  const insert = (command: () => boolean) => {
    if (command()) editor.view.focus()
  }

  return (
    <div className="toolbar-band">
      <div className="toolbar" role="toolbar" aria-label={t.toolbarLabel}>
        <span className="toolbar-label">{t.toolbarLabel}</span>
        <button
          type="button"
          className="toolbar-button"
          data-testid="insert-paragraph"
          title={t.insertParagraphHint}
          disabled={!can.paragraph}
          onMouseDown={keepSelection}
          onClick={() => insert(() => editor.commands.insertParagraphAfter())}
        >
          <span aria-hidden="true">¶</span> {t.insertParagraph}
        </button>
        <button
          type="button"
          className="toolbar-button"
          data-testid="insert-action"
          title={t.insertActionHint}
          disabled={!can.action}
          onMouseDown={keepSelection}
          onClick={() => insert(() => editor.commands.insertActionAfter())}
        >
          <span aria-hidden="true">a)</span> {t.insertAction}
        </button>
        <button
          type="button"
          className="toolbar-button"
          data-testid="insert-objective"
          title={t.insertObjectiveHint}
          disabled={!can.objective}
          onMouseDown={keepSelection}
          onClick={() => insert(() => editor.commands.insertObjectiveAfter())}
        >
          <span aria-hidden="true">◎</span> {t.insertObjective}
        </button>
        <SuggestingControls editor={editor} />
      </div>
    </div>
  )
}
