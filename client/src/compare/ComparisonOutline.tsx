import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'
import { changedBlocks, type OutlineSection } from './comparisonView.ts'

interface ComparisonOutlineProps {
  sections: readonly OutlineSection[]
  /** Goes to a block: to its first change if it has one, else to its heading. */
  onGoTo: (index: number) => void
}

/** The sections and objectives of the comparison, those with changes marked and counted. */
export function ComparisonOutline({ sections, onGoTo }: ComparisonOutlineProps) {
  const t = useRevisionMessages()
  return (
    <nav className="outline compare-outline" aria-label={t.compareOutlineTitle}>
      <h2 className="outline-heading">{t.compareOutlineTitle}</h2>
      <ol className="outline-sections">
        {sections.map((section) => (
          <li key={section.index}>
            <button
              type="button"
              className="outline-section"
              data-changed={section.changedOutsideObjectives > 0}
              onClick={() => onGoTo(section.index)}
            >
              <span className="outline-title">{section.title || '—'}</span>
              {section.changedOutsideObjectives > 0 && (
                <span className="compare-outline-count">
                  <span className="compare-marker" aria-hidden="true" />
                  {t.compareObjectiveChanges(section.changedOutsideObjectives)}
                </span>
              )}
            </button>
            {section.objectives.length > 0 && (
              <ol className="outline-objectives">
                {section.objectives.map((objective) => {
                  const { changes } = objective
                  return (
                    <li key={objective.index}>
                      <button
                        type="button"
                        className="outline-objective"
                        data-testid={`compare-objective-${objective.number}`}
                        data-changed={changes !== null}
                        onClick={() => onGoTo(objective.firstChange ?? objective.index)}
                      >
                        <span className="outline-number">{objective.number}.</span>{' '}
                        <span className="outline-title">{objective.title || '—'}</span>
                        {changes ? (
                          <span
                            className="compare-outline-count"
                            title={t.compareWords(changes.wordsAdded, changes.wordsRemoved)}
                          >
                            <span className="compare-marker" aria-hidden="true" />
                            {t.compareObjectiveChanges(changedBlocks(changes))}
                            <span className="compare-words">
                              <span className="is-added">+{changes.wordsAdded}</span>{' '}
                              <span className="is-removed">−{changes.wordsRemoved}</span>
                            </span>
                          </span>
                        ) : (
                          <span className="visually-hidden">{t.compareUnchanged}</span>
                        )}
                      </button>
                    </li>
                  )
                })}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
