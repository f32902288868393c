import type { DiffSegment } from '../../../shared/compare/comparisonSchema.ts'

const EDGE_SPACES = /^(\s*)([\s\S]*?)(\s*)$/

/**
 * A diff as UN compare documents print it: added words bold and underlined, removed words struck
 * through, kept words plain. The spaces around a change stay unmarked, so that an underline or a
 * strike covers words only.
 */
export function DiffText({ segments }: { segments: readonly DiffSegment[] }) {
  return (
    <>
      {segments.map(([op, text], index) => {
        if (op === 0) return <span key={index}>{text}</span>
        const [, before = '', words = '', after = ''] = EDGE_SPACES.exec(text) ?? []
        const Mark = op === 1 ? 'ins' : 'del'
        return (
          <span key={index}>
            {before}
            {words && <Mark className={op === 1 ? 'diff-added' : 'diff-removed'}>{words}</Mark>}
            {after}
          </span>
        )
      })}
    </>
  )
}
