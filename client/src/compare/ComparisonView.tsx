import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import type { NegotiationDetail } from '../../../shared/api.ts'
import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'
import {
  comparisonExportUrl,
  concordanceExportUrl,
  type ComparisonResponse,
} from '../api/revisions.ts'
import { ComparedBlock, type CompareMode } from './ComparedBlock.tsx'
import { ComparisonOutline } from './ComparisonOutline.tsx'
import { ComparisonSummaryBox } from './ComparisonSummaryBox.tsx'
import { ConcordanceTable } from './ConcordanceTable.tsx'
import { changeStops, outlineOf } from './comparisonView.ts'
import { scrollToBlock, useChangeNavigation } from './useChangeNavigation.ts'
import { useStickyOffset } from './useStickyOffset.ts'
import type { CompareView } from './ViewSwitch.tsx'

interface ComparisonViewProps {
  negotiation: NegotiationDetail
  comparison: ComparisonResponse
  /** The two texts' names: revision symbols, or "Live draft". */
  labels: { from: string; to: string }
  mode: CompareMode
  /** The compared text, or the concordance of the same two texts. */
  view: CompareView
  /** The pickers and the mode switch, shown first in the toolbar. */
  controls: ReactNode
  /** Compares again (one side is the live draft, which moves on); null when nothing can change. */
  onRefresh: (() => void) | null
}

/** A comparison read as a UN compare document, with its outline and change-by-change travel. */
export function ComparisonView({
  negotiation,
  comparison,
  labels,
  mode,
  view,
  controls,
  onRefresh,
}: ComparisonViewProps) {
  const t = useRevisionMessages()
  const { paragraphs, summary } = comparison
  const stops = useMemo(() => changeStops(paragraphs), [paragraphs])
  const sections = useMemo(() => outlineOf(paragraphs, summary), [paragraphs, summary])
  const navigation = useChangeNavigation(stops)
  const { pageRef, toolbarRef } = useStickyOffset<HTMLElement, HTMLDivElement>()
  const { current } = navigation
  const currentRef = useRef(current)

  useEffect(() => {
    currentRef.current = current
  })
  useEffect(() => {
    // The other view starts at its top: the table's rows are not the text's blocks.
    window.scrollTo({ top: 0 })
  }, [view])
  useEffect(() => {
    // The other layout moves every block: bring the current change back into view.
    if (currentRef.current !== null) scrollToBlock(currentRef.current)
  }, [mode])
  const isConcordance = view === 'concordance'
  const exportUrl = (format: 'html' | 'docx') =>
    (isConcordance ? concordanceExportUrl : comparisonExportUrl)(
      negotiation.id,
      comparison.from,
      comparison.to,
      format,
    )

  return (
    <main className="compare" data-testid="compare-page" ref={pageRef}>
      <div className="compare-toolbar" ref={toolbarRef}>
        <div className="compare-toolbar-group">{controls}</div>
        {!isConcordance && (
          <div className="compare-toolbar-group">
            <button
              type="button"
              className="button button-small"
              onClick={navigation.goToPrevious ?? undefined}
              disabled={!navigation.goToPrevious}
              data-testid="compare-prev"
            >
              {t.comparePrevious}
            </button>
            <span className="compare-position" data-testid="compare-position" aria-live="polite">
              {t.compareChangePosition(navigation.position, stops.length)}
            </span>
            <button
              type="button"
              className="button button-small"
              onClick={navigation.goToNext ?? undefined}
              disabled={!navigation.goToNext}
              data-testid="compare-next"
            >
              {t.compareNext}
            </button>
          </div>
        )}
        <div className="compare-toolbar-group compare-exports">
          {onRefresh && (
            <button
              type="button"
              className="button button-small"
              onClick={onRefresh}
              data-testid="compare-refresh"
            >
              {t.compareRefresh}
            </button>
          )}
          <a
            className="button button-small"
            href={exportUrl('docx')}
            download
            data-testid="compare-docx"
          >
            {t.compareExportDocx}
          </a>
          <a
            className="button button-small"
            href={exportUrl('html')}
            target="_blank"
            rel="noreferrer"
            data-testid="compare-html"
          >
            {t.comparePrintable}
          </a>
        </div>
      </div>
      {isConcordance ? (
        <article
          className="page compare-document is-concordance"
          data-testid="compare-document"
          data-view="concordance"
          lang={negotiation.language}
        >
          <h1 className="document-title">{negotiation.title}</h1>
          <p className="compare-subtitle" data-testid="compare-subtitle">
            {t.concordanceSubtitle(labels.from, labels.to)}
          </p>
          <ConcordanceTable
            negotiationId={negotiation.id}
            from={comparison.from}
            to={comparison.to}
            labels={labels}
          />
        </article>
      ) : (
        <div className={`compare-workspace is-${mode}`}>
          <aside className="compare-side">
            <ComparisonOutline sections={sections} onGoTo={navigation.goTo} />
          </aside>
          <article
            className={`page compare-document is-${mode}`}
            data-testid="compare-document"
            data-mode={mode}
            lang={negotiation.language}
          >
            <h1 className="document-title">{negotiation.title}</h1>
            <p className="compare-subtitle" data-testid="compare-subtitle">
              {t.compareSubtitle(labels.from, labels.to)}
            </p>
            <ComparisonSummaryBox totals={summary.totals} />
            {mode === 'sideBySide' && (
              <div className="compare-columns" aria-hidden="true">
                <span>{labels.from}</span>
                <span>{labels.to}</span>
              </div>
            )}
            <div className="compare-blocks">
              {paragraphs.map((paragraph, index) => (
                <ComparedBlock
                  key={index}
                  paragraph={paragraph}
                  index={index}
                  mode={mode}
                  isCurrent={navigation.current === index}
                />
              ))}
            </div>
          </article>
        </div>
      )}
    </main>
  )
}
