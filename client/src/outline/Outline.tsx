import type { Editor } from '@tiptap/react'
import { useI18n } from '../i18n/I18nContext.ts'
import { useOutline } from './useOutline.ts'
import { goToBlock } from './goToBlock.ts'
import { useCursorLocation } from './useCursorLocation.ts'

/** The sections and objectives of the draft beside the text; a click goes to the block. */
export function Outline({ editor, isLoaded }: { editor: Editor; isLoaded: boolean }) {
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
                      data-testid={`outline-objective-${objective.number}`}
                      onClick={() => goToBlock(editor, objective.uid, objective.pos)}
                    >
                      <span className="outline-number">{objective.number}.</span>{' '}
                      <span className="outline-title">{objective.title || '—'}</span>{' '}
                      {objective.paragraph !== null && (
                        <span className="outline-ref">{t.paragraphRef(objective.paragraph)}</span>
                      )}
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
