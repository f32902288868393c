import { useEffect, useState } from 'react'
import type { Editor } from '@tiptap/react'
import { numberingKey } from '../numbering/numberingPlugin.ts'
import { refreshWhenIdle } from '../scheduling/refreshWhenIdle.ts'
import { isSameOutline, outlineOf, type OutlineSection } from './outlineOf.ts'

// Typing changes titles at keystroke rate; the outline need not follow faster than this.
const OUTLINE_THROTTLE_MS = 120

const currentOutline = (editor: Editor): OutlineSection[] =>
  outlineOf(numberingKey.getState(editor.state)?.blocks ?? [])

/** The live outline of the draft, following the text as anyone edits it. */
export function useOutline(editor: Editor): OutlineSection[] {
  const [outline, setOutline] = useState<OutlineSection[]>(() => currentOutline(editor))

  useEffect(() => {
    let cancel: (() => void) | null = null
    let lastRefresh = 0
    const refresh = () => {
      cancel = null
      lastRefresh = performance.now()
      const next = currentOutline(editor)
      setOutline((previous) => (isSameOutline(previous, next) ? previous : next))
    }
    // At once after a quiet spell (e.g. when the text first arrives), then at most every
    // OUTLINE_THROTTLE_MS while someone types, in an idle moment.
    const handleTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged || cancel !== null) return
      const wait = lastRefresh + OUTLINE_THROTTLE_MS - performance.now()
      if (wait <= 0) refresh()
      else cancel = refreshWhenIdle(refresh, wait)
    }
    refresh()
    editor.on('transaction', handleTransaction)
    return () => {
      cancel?.()
      editor.off('transaction', handleTransaction)
    }
  }, [editor])

  return outline
}
