import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'

/** What the comparison page shows: the compared text, or the concordance table. */
export type CompareView = 'text' | 'concordance'

/** Switches between the compared text and the concordance of the same two texts. */
export function ViewSwitch({
  view,
  onChange,
}: {
  view: CompareView
  onChange: (view: CompareView) => void
}) {
  const t = useRevisionMessages()
  const views: [CompareView, string][] = [
    ['text', t.compareViewText],
    ['concordance', t.compareViewConcordance],
  ]
  return (
    <div
      className="compare-mode"
      role="group"
      aria-label={t.compareView}
      data-testid="compare-view"
    >
      {views.map(([value, label]) => (
        <button
          key={value}
          type="button"
          className="compare-mode-button"
          aria-pressed={view === value}
          data-view={value}
          onClick={() => onChange(value)}
        >
          {label}
        </button>
      ))}
    </div>
  )
}
