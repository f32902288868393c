import { useState } from 'react'
import type { Editor } from '@tiptap/react'
import { mayHaveAlternative } from '../../../shared/alternatives.ts'
import type { BlockAtCaret } from '../history/useBlockAtCaret.ts'
import { agreedTextOf } from './agreedText.ts'
import { useAlternativeMessages } from './useAlternativeMessages.ts'
import { ProposeAlternativeDialog } from './ProposeAlternativeDialog.tsx'

/**
 * A delegate's button for the paragraph or action at the caret: propose an alternative
 * wording for it ("Alt"). Off on headings and on ad ref paragraphs (the server refuses both).
 */
export function ProposeAlternativeButton(props: {
  editor: Editor
  negotiationId: string
  block: BlockAtCaret | null
}) {
  const t = useAlternativeMessages()
  const [dialog, setDialog] = useState<{ uid: string; label: string | null; text: string } | null>(
    null,
  )
  const { block } = props
  const applies = block !== null && mayHaveAlternative(block.type) && !block.isAdRef
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="propose-alternative"
        disabled={!applies}
        title={applies ? undefined : t.proposeHint}
        onClick={() => {
          if (!block) return
          const text = agreedTextOf(props.editor.state.doc, block.uid)
          setDialog({ uid: block.uid, label: block.label, text })
        }}
      >
        {t.propose(block && applies ? block.label : null)}
      </button>
      {dialog && (
        <ProposeAlternativeDialog
          negotiationId={props.negotiationId}
          uid={dialog.uid}
          label={dialog.label}
          currentText={dialog.text}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  )
}
