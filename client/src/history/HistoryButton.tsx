import type { BlockAtCaret } from './useBlockAtCaret.ts'
import { useHistoryMessages } from './useHistoryMessages.ts'

/** Opens the history of the paragraph the caret is in; says how to choose one otherwise. */
export function HistoryButton(props: {
  block: BlockAtCaret | null
  isOpen: boolean
  onToggle: () => void
}) {
  const t = useHistoryMessages()
  const { block } = props
  return (
    <button
      type="button"
      className="button"
      aria-expanded={props.isOpen}
      data-testid="history-button"
      disabled={!block && !props.isOpen}
      title={block ? undefined : t.noBlock}
      onClick={props.onToggle}
    >
      {block?.label ? t.buttonOf(block.label) : t.button}
    </button>
  )
}
