import type { Role } from '../permissions.ts'
import { CO_FACILITATORS, refOf } from './refs.ts'
import type { ProposalStatus } from './records.ts'

/** What ownership needs to know of a proposal's record. */
export interface RecordSummary {
  status: ProposalStatus
  delegation: string
}

/** Finds the record of a proposal id, or undefined before the server has created it. */
export type RecordLookup<R extends RecordSummary = RecordSummary> = (
  proposalId: string,
) => R | undefined

/** Who is writing proposals, and how to tell their proposals from everyone else's. */
export interface Proposer {
  /** A delegation's code (`FRA`) or `co-facilitators`. */
  delegation: string
  records: RecordLookup
}

/** The name a writer's proposals are attributed to: the co-facilitators, or their delegation. */
export const proposerOf = (role: Role | null, delegation: string | null): string | null =>
  role === 'coFacilitator' ? CO_FACILITATORS : delegation

/**
 * Whether a mark's or block attribute's value is the proposer's own, still changeable: exactly
 * a ref naming the proposer's delegation and a proposal either not recorded yet (just typed) or
 * open and theirs. The editor asks it to decide what typing does; the server, what it allows.
 */
export function isOwnRef(value: unknown, proposer: Proposer): boolean {
  const ref = refOf(value)
  if (!ref || ref.delegation !== proposer.delegation) return false
  const record = proposer.records(ref.proposalId)
  return !record || (record.status === 'open' && record.delegation === proposer.delegation)
}

/** Whether the value is the proposer's own proposal, already recorded and open. */
export function isOwnOpenRef(value: unknown, proposer: Proposer): boolean {
  const ref = refOf(value)
  return ref !== null && isOwnRef(ref, proposer) && proposer.records(ref.proposalId) !== undefined
}
