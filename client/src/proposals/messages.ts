import type { ProposalStatus } from '../../../shared/draft/index.ts'
import type { SuggestingRefusal } from './suggestingRefusal.ts'

/** The kinds of block a proposal may add or delete whole. */
export type ProposableKind = 'paragraph' | 'principle' | 'objective' | 'action'

/** The strings of the suggesting mode, the proposals panel and the proposals in the text. */
export interface ProposalMessages {
  panelTitle: string
  panelLabel: string
  count: (n: number) => string
  empty: string
  filterObjective: string
  filterDelegation: string
  filterStatus: string
  allObjectives: string
  outsideObjectives: string
  allDelegations: string
  allStatuses: string
  objective: (n: number) => string
  status: Record<ProposalStatus, string>
  coFacilitators: string
  proposalOf: (delegation: string) => string
  deletionOf: (delegation: string) => string
  by: (name: string) => string
  decidedBy: (name: string) => string
  newBlock: Record<ProposableKind, string>
  deletedBlock: Record<ProposableKind, string>
  noTextLeft: string
  openInObjective: (n: number) => string
  /** The card beside a change in the text: its name, its close button, how to reach it. */
  changeCardLabel: (proposer: string) => string
  closeCard: string
  changeCardHint: string
  goToText: string
  compilation: string
  compilationHtml: string
  compilationDocx: string

  supporters: string
  support: string
  /** Takes back the delegation's support. */
  unsupport: string
  comment: string
  comments: (n: number) => string
  commentPlaceholder: string
  reply: string
  replyPlaceholder: string
  resolveThread: string
  reopenThread: string
  threadResolved: (by: string) => string
  rationale: string
  explain: string
  rationalePlaceholder: string
  send: string
  cancel: string
  withdraw: string
  accept: string
  reject: string
  /** Takes a single accept or reject back: the proposal is open again. */
  revertDecision: string
  /** Why the decision cannot be reverted, shown beside the disabled button. */
  /** An alternative's reason not to be reverted once accepted (it replaced the paragraph). */
  alternativeNotRevertible: string
  /** An alternative's kind beside its number, as UN texts print it: "Alt 23." */
  alternativeOf: (label: string | null) => string
  revertRefused: Record<'built_on' | 'not_revertible', string>
  acceptAll: string
  rejectAll: string
  confirmAll: (decision: 'accept' | 'reject', n: number) => string
  /** How many proposals of a bulk decision fall in objective `n`, or outside the objectives. */
  objectiveCount: (n: number, count: number) => string
  outsideCount: (count: number) => string
  confirm: string
  actionFailed: (detail: string) => string

  modeLabel: string
  modeEdit: string
  modeSuggest: string
  modeEditHint: string
  modeSuggestHint: string
  suggestingBadge: string
  suggestingHint: string
  proposeDeletion: string
  proposeDeletionHint: string
  withdrawDeletion: string
  removeOwnBlock: string
  deletionProposedBy: (delegation: string) => string
  refusals: Record<SuggestingRefusal, string>
}
