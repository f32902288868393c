import type { ChangedBy } from '../../shared/concordance.ts'
import type { ProposalRecord } from '../../shared/draft/index.ts'

/** Shorter inserted texts (a comma, "et") could be found in any paragraph. */
const MIN_MATCHED_INSERTION = 12

/**
 * Who changed which block between two texts: the delegations of the proposals accepted after
 * the earlier text was published and up to the later one. A proposal is known by the uid of
 * the block where it was made; a whole block it proposed may carry another uid (the block it
 * followed), so its kept inserted text, found in the block, names it too. Proposal records stay
 * in the live draft whatever became of them, with their decision time: no revision stores them.
 */
export function acceptedChangesBetween(
  records: readonly ProposalRecord[],
  times: { from: Date; to: Date },
): ChangedBy {
  const [start, end] = [times.from, times.to].sort((a, b) => a.getTime() - b.getTime())
  const accepted = records.filter((record) => {
    if (record.status !== 'accepted' || !record.decidedAt || !start || !end) return false
    const decidedAt = new Date(record.decidedAt).getTime()
    return decidedAt > start.getTime() && decidedAt <= end.getTime()
  })
  return ({ uids, text }) =>
    accepted
      .filter((record) => {
        if (record.blockUid !== null && uids.includes(record.blockUid)) return true
        const inserted = record.settledChange?.inserted.trim() ?? ''
        return inserted.length >= MIN_MATCHED_INSERTION && text.includes(inserted)
      })
      .map((record) => record.delegation)
}
