import type { AlternativeMessages } from './messages.ts'

/** Alternatives, in English. */
export const alternativesEn: AlternativeMessages = {
  propose: (label) => (label ? `Propose an alternative to ${label}` : 'Propose an alternative'),
  proposeHint: 'Put the caret in an open paragraph or action.',
  dialogTitle: (label) => (label ? `Alternative to ${label}` : 'Alternative to the paragraph'),
  dialogIntro:
    'If the co-facilitators accept it, the alternative replaces the whole paragraph. It is shown beside the text, in your delegation’s name.',
  wording: 'Proposed wording',
  rationale: 'Rationale (optional)',
  submit: 'Propose the alternative',
  cancel: 'Cancel',
  failed: (reason) => `The alternative was not proposed: ${reason}`,
  boxLabel: (alt, delegation) => `${alt} proposed by ${delegation}`,
  accept: 'Accept',
  reject: 'Reject',
  withdraw: 'Withdraw',
  rationaleLabel: 'Rationale:',
  supporters: 'Supported by:',
}
