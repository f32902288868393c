import type { RevisionSummary } from '../../../shared/revisions.ts'
import type { RoundList } from '../../../shared/rounds.ts'
import { LIVE } from '../api/revisions.ts'
import type { CompareSides } from './useCompareSides.ts'

/** The two comparisons a negotiator asks for most, or null where there is nothing to compare. */
export interface QuickSides {
  /** The text as it stood when the current round began, against the live draft. */
  sinceRoundStart: { roundName: string; sides: CompareSides } | null
  /** The latest revision against the live draft. */
  sinceLastRevision: CompareSides | null
}

/**
 * The text as it stood when the current round began is the last revision published before
 * the round's first one (the one the round opened on); when the round has no revision yet,
 * the latest revision; when the first revision of all is the round's, that one.
 */
export function quickSidesOf(
  revisions: readonly RevisionSummary[],
  rounds: RoundList | null,
): QuickSides {
  const last = revisions.at(-1)
  const sinceLastRevision = last ? { from: last.id, to: LIVE } : null
  const round = rounds?.rounds.find((r) => r.id === rounds.currentRoundId)
  if (!round || !last) return { sinceRoundStart: null, sinceLastRevision }
  const firstInRound = revisions.findIndex((revision) => revision.roundId === round.id)
  const start =
    firstInRound < 0 ? last : (revisions[firstInRound - 1] ?? revisions[firstInRound] ?? last)
  return {
    sinceRoundStart: { roundName: round.name, sides: { from: start.id, to: LIVE } },
    sinceLastRevision,
  }
}
