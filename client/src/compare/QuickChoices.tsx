import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'
import type { QuickSides } from './quickSides.ts'
import type { CompareSides } from './useCompareSides.ts'

const isSame = (a: CompareSides | null, b: CompareSides) =>
  a !== null && a.from === b.from && a.to === b.to

/** "Since the start of this round" and "since the last revision", one click each. */
export function QuickChoices({
  quick,
  sides,
  onChoose,
}: {
  quick: QuickSides
  sides: CompareSides
  onChoose: (sides: CompareSides) => void
}) {
  const t = useRevisionMessages()
  const choices: [string, string, CompareSides | null][] = [
    [
      'round',
      quick.sinceRoundStart ? t.compareSinceRoundStart(quick.sinceRoundStart.roundName) : '',
      quick.sinceRoundStart?.sides ?? null,
    ],
    ['revision', t.compareSinceLastRevision, quick.sinceLastRevision],
  ]
  return (
    <div
      className="compare-quick"
      role="group"
      aria-label={t.compareQuick}
      data-testid="compare-quick"
    >
      {choices.map(([key, label, choice]) =>
        choice ? (
          <button
            key={key}
            type="button"
            className="button button-small"
            aria-pressed={isSame(sides, choice)}
            data-quick={key}
            onClick={() => onChoose(choice)}
          >
            {label}
          </button>
        ) : null,
      )}
    </div>
  )
}
