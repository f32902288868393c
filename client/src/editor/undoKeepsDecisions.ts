import { useEffect } from 'react'
import type { Editor } from '@tiptap/react'
import { yUndoPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { PROPOSALS_MAP } from '../../../shared/draft/index.ts'

const statusOf = (record: unknown): unknown =>
  typeof record === 'object' && record !== null && 'status' in record ? record.status : undefined

/**
 * Ctrl+Z never silently undoes a decision (issue 14). The undo history tracks only this user's
 * own edits (Collaboration's UndoManager tracks the y-sync origin, not the server's updates),
 * but an entry made before a decision still points at the text the decision settled: undoing
 * an accepted insertion would delete agreed text. So once any proposal changes status
 * (accepted, rejected, withdrawn, reverted), the history before it is forgotten; a decision is
 * taken back only with "Revert decision".
 */
export function useUndoKeepsDecisions(editor: Editor, doc: Y.Doc): void {
  useEffect(() => {
    const records = doc.getMap(PROPOSALS_MAP)
    const handleChange = (event: Y.YMapEvent<unknown>) => {
      const isDecision = [...event.changes.keys].some(
        ([key, change]) =>
          change.action === 'update' && statusOf(change.oldValue) !== statusOf(records.get(key)),
      )
      if (!isDecision || editor.isDestroyed) return
      // y-tiptap types its plugin state loosely: it holds the UndoManager Collaboration made.
      const undo = yUndoPluginKey.getState(editor.state) as
        { undoManager: Y.UndoManager } | undefined
      undo?.undoManager.clear()
    }
    records.observe(handleChange)
    return () => records.unobserve(handleChange)
  }, [editor, doc])
}
