import type { Transaction } from '@tiptap/pm/state'
import type { Proposer } from '../../../../shared/draft/index.ts'
import type { SuggestingRefusal } from '../../proposals/suggestingRefusal.ts'
import type { TextOp } from './textOps.ts'

/** The suggesting mode's knowledge of the user: who proposes, and how new ids are made. */
export interface SuggestingContext extends Proposer {
  newProposalId: () => string
}

/** A user's transaction rewritten as proposals, or the reason it cannot be. */
export type Suggestion =
  | { type: 'rewritten'; tr: Transaction; textOps: TextOp[] }
  | { type: 'refused'; refusal: SuggestingRefusal }

export const refused = (refusal: SuggestingRefusal): Suggestion => ({ type: 'refused', refusal })
