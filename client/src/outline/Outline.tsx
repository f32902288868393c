import type { Editor } from '@tiptap/react'
import { useI18n } from '../i18n/I18nContext.ts'
import { useOutline } from './useOutline.ts'
import { goToBlock } from './goToBlock.ts'
import { useCursorLocation } from './useCursorLocation.ts'
import { useProposalMessages } from '../proposals/useProposalMessages.ts'

interface OutlineProps {
  editor: Editor
  isLoaded: boolean
  /** The number of open proposals in each objective, by objective uid. */
  openCounts?: ReadonlyMap<string, number>
}

/**
 * The sections and objectives of the draft beside the text, with each objective's open
 * proposals; a click goes to the block.
 */
export function Outline({ editor, isLoaded, openCounts }: OutlineProps) {
  const { t } = useI18n()
  const outline = useOutline(editor)
  // Before the text arrives the editor holds an empty placeholder section: show nothing of it.
  const sections = isLoaded ? outline : []
  const cursor = useCursorLocation(editor)

  return (
    <nav className="outline" data-testid="outline" aria-label={t.outlineTitle}>
      <h2 className="outline-heading">{t.outlineTitle}</h2>
      {sections.length === 0 && (
        <p className="outline-empty">{isLoaded ? t.outlineEmpty : t.loading}</p>
      )}
      <ol className="outline-sections">
        {sections.map((section) => (
          <li key={section.key}>
            <button
              type="button"
              className="outline-section"
              aria-current={
                cursor.objective === null && section.uid === cursor.section ? 'location' : undefined
              }
              onClick={() => goToBlock(editor, section.uid, section.pos)}
            >
              <span className="outline-title">{section.title || '—'}</span>
              {section.paragraphs && (
                <span className="outline-ref">
                  {t.paragraphRef(section.paragraphs.from, section.paragraphs.to)}
                </span>
              )}
            </button>
            {section.objectives.length > 0 && (
              <ol className="outline-objectives">
                {section.objectives.map((objective) => (
                  <li key={objective.key}>
                    <button
                      type="button"
                      className="outline-objective"
                      aria-current={objective.uid === cursor.objective ? 'location' : undefined}
                      data-testid={`outline-objective-${objective.numeral.replace(/ /g, '-')}`}
                      onClick={() => goToBlock(editor, objective.uid, objective.pos)}
                    >
                      <span className="outline-number">{objective.numeral}.</span>{' '}
                      <span className="outline-title">{objective.title || '—'}</span>{' '}
                      {objective.paragraph !== null && (
                        <span className="outline-ref">{t.paragraphRef(objective.paragraph)}</span>
                      )}
                      {objective.adRef.count > 0 && (
                        <span
                          className="outline-ad-ref"
                          data-testid={`outline-ad-ref-${objective.numeral.replace(/ /g, '-')}`}
                        >
                          {t.outlineAdRef(objective.adRef.count, objective.adRef.total)}
                        </span>
                      )}
                      <OpenCount
                        objective={objective.number}
                        count={objective.uid === null ? 0 : (openCounts?.get(objective.uid) ?? 0)}
                      />
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}

/** "3" open proposals beside an objective, in a badge; nothing when there are none. */
function OpenCount({ objective, count }: { objective: number; count: number }) {
  const t = useProposalMessages()
  if (count === 0) return null
  return (
    <span
      className="outline-open-count"
      data-testid={`outline-open-count-${objective}`}
      title={t.openInObjective(count)}
      aria-label={t.openInObjective(count)}
    >
      {count}
    </span>
  )
}
