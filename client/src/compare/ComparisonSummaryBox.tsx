import type { ChangeCounts } from '../../../shared/compare/comparisonSchema.ts'
import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'
import { changedBlocks } from './comparisonView.ts'

/** The totals of a comparison, at the top of the document as a compare document has them. */
export function ComparisonSummaryBox({ totals }: { totals: ChangeCounts }) {
  const t = useRevisionMessages()
  const hasChanges = changedBlocks(totals) > 0
  return (
    <section
      className="compare-summary"
      data-testid="compare-summary"
      aria-label={t.compareSummaryLabel}
      data-changed={hasChanges}
    >
      {hasChanges ? (
        <>
          <p className="compare-summary-blocks">{t.compareBlocks(totals)}</p>
          <p className="compare-summary-words">
            {t.compareWords(totals.wordsAdded, totals.wordsRemoved)}
          </p>
        </>
      ) : (
        <p>{t.compareNoChange}</p>
      )}
    </section>
  )
}
