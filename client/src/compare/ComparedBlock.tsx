import type { ComparedParagraph, DiffSegment } from '../../../shared/compare/comparisonSchema.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'
import { objectiveNumberOf, segmentsOf, type Side } from './comparisonView.ts'
import { DiffText } from './DiffText.tsx'

export type CompareMode = 'inline' | 'sideBySide'

/** The DOM id of the block at `index`, for the outline and the change navigation. */
export const blockId = (index: number): string => `compare-block-${index}`

interface ComparedBlockProps {
  paragraph: ComparedParagraph
  index: number
  mode: CompareMode
  isCurrent: boolean
}

/**
 * One block of a comparison with its number and status: inline (one text, both changes marked)
 * or side by side (the old text on the left, the new one on the right, on one row).
 */
export function ComparedBlock({ paragraph, index, mode, isCurrent }: ComparedBlockProps) {
  const t = useRevisionMessages()
  const { status } = paragraph
  const className = [
    mode === 'inline' ? 'compare-block' : 'compare-row',
    `is-${status}`,
    isCurrent ? 'is-current' : '',
  ].join(' ')
  const badge = status !== 'unchanged' && (
    <span className={`compare-badge is-${status}`}>{t.compareStatus[status]}</span>
  )
  const isMoved = status === 'moved' && paragraph.fromNumber !== paragraph.toNumber
  const [first = '—', second = '—'] = (paragraph.joined?.numbers ?? []).map((n) => n ?? '—')
  const note = isMoved
    ? t.compareMovedFrom(paragraph.fromNumber ?? '—')
    : paragraph.joined?.side === 'to'
      ? t.compareSplitInto(first, second)
      : paragraph.joined?.side === 'from'
        ? t.compareMergedFrom(first, second)
        : null

  return (
    <div
      id={blockId(index)}
      className={className}
      data-testid="compare-block"
      data-status={status}
      data-type={paragraph.type}
      data-objective={paragraph.objective ?? undefined}
      data-current={isCurrent ? 'true' : undefined}
    >
      {badge}
      {mode === 'inline' ? (
        <BlockText
          paragraph={paragraph}
          segments={paragraph.diff}
          number={status === 'deleted' ? paragraph.fromNumber : paragraph.toNumber}
          note={note}
        />
      ) : (
        (['from', 'to'] as const).map((side) => (
          <SideCell key={side} paragraph={paragraph} side={side} />
        ))
      )}
    </div>
  )
}

function SideCell({ paragraph, side }: { paragraph: ComparedParagraph; side: Side }) {
  const t = useRevisionMessages()
  const isAbsent =
    (side === 'from' && paragraph.status === 'inserted') ||
    (side === 'to' && paragraph.status === 'deleted')
  return (
    <div className={`compare-cell is-${side}`} data-side={side}>
      {isAbsent ? (
        <p className="compare-absent" title={t.compareAbsent}>
          <span className="visually-hidden">{t.compareAbsent}</span>
        </p>
      ) : (
        <BlockText
          paragraph={paragraph}
          segments={segmentsOf(paragraph.diff, side)}
          number={side === 'from' ? paragraph.fromNumber : paragraph.toNumber}
          note={null}
        />
      )}
    </div>
  )
}

interface BlockTextProps {
  paragraph: ComparedParagraph
  segments: readonly DiffSegment[]
  /** The block's label on this side ("17.", "a)", "Objectif 7"), if numbered. */
  number: string | null
  /** Shown inline beside the number: where a moved block was, what a split or merge joined. */
  note: string | null
}

/** A block's text laid out as in the editor: numbers in the margin, headings, indents. */
function BlockText({ paragraph, segments, number, note }: BlockTextProps) {
  const { t } = useI18n()
  const movedNote = note && <span className="compare-moved-from"> {note}</span>
  switch (paragraph.type) {
    case 'sectionTitle':
      return (
        <h2 className="compare-text compare-section-title">
          <DiffText segments={segments} />
        </h2>
      )
    case 'objectiveTitle': {
      const objective = objectiveNumberOf(number)
      return (
        <h3 className="compare-text compare-objective-title">
          {objective !== null && (
            <span className="compare-heading">{t.objectiveHeading(objective)}</span>
          )}
          <DiffText segments={segments} />
          {movedNote}
        </h3>
      )
    }
    case 'paragraph':
    case 'commitment':
    case 'action':
    case 'principle':
      return (
        <p className={`compare-text compare-${paragraph.type}`}>
          {number && (
            <span className="compare-number">
              {number}
              {movedNote}
            </span>
          )}
          <DiffText segments={segments} />
        </p>
      )
  }
}
