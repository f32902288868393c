import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'
import type { CompareMode } from './ComparedBlock.tsx'

/** Inline (one text, changes marked) or side by side (old text left, new text right). */
export function ModeSwitch({
  mode,
  onChange,
}: {
  mode: CompareMode
  onChange: (mode: CompareMode) => void
}) {
  const t = useRevisionMessages()
  const modes: [CompareMode, string][] = [
    ['inline', t.compareInline],
    ['sideBySide', t.compareSideBySide],
  ]
  return (
    <div
      className="compare-mode"
      role="group"
      aria-label={t.compareMode}
      data-testid="compare-mode"
      data-mode={mode}
    >
      {modes.map(([value, label]) => (
        <button
          key={value}
          type="button"
          className="compare-mode-button"
          aria-pressed={mode === value}
          data-mode={value}
          onClick={() => onChange(value)}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
