import type { BlockInRevision } from '../../../shared/blockHistory.ts'
import type { ProposalStatus } from '../../../shared/draft/index.ts'

/** The strings of a paragraph's history. */
export interface HistoryMessages {
  button: string
  buttonOf: (label: string) => string
  noBlock: string
  title: (label: string | null) => string
  close: string
  loading: string
  failed: (message: string) => string
  now: string
  proposals: string
  noProposals: string
  status: Record<ProposalStatus, string>
  inserted: string
  deleted: string
  proposedOn: (date: string) => string
  decided: (name: string, date: string) => string
  revisions: string
  noRevisions: string
  inRevision: Record<BlockInRevision['status'], string>
}
