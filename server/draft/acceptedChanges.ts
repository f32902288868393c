import type { ProposalRecord } from '../../shared/draft/index.ts'

/**
 * Who changed which block between two texts: the delegations of the proposals accepted after
 * the earlier text was published and up to the later one, by the uid of the block where each
 * was made. Proposal records stay in the live draft whatever became of them, with their
 * decision time, so no revision needs to store them.
 */
export function acceptedChangesBetween(
  records: readonly ProposalRecord[],
  times: { from: Date; to: Date },
): (uids: readonly string[]) => string[] {
  const [start, end] = [times.from, times.to].sort((a, b) => a.getTime() - b.getTime())
  const byBlock = new Map<string, Set<string>>()
  for (const record of records) {
    if (record.status !== 'accepted' || !record.decidedAt || !record.blockUid) continue
    const decidedAt = new Date(record.decidedAt).getTime()
    if (!start || !end || decidedAt <= start.getTime() || decidedAt > end.getTime()) continue
    const delegations = byBlock.get(record.blockUid) ?? new Set<string>()
    byBlock.set(record.blockUid, delegations.add(record.delegation))
  }
  return (uids) => uids.flatMap((uid) => [...(byBlock.get(uid) ?? [])])
}
