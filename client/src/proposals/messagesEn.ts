import type { ProposalMessages } from './messages.ts'

/** The proposals in English. */
export const proposalsEn: ProposalMessages = {
  panelTitle: 'Proposals',
  panelLabel: 'The delegations’ proposals',
  count: (n) => (n === 1 ? '1 proposal' : `${n} proposals`),
  empty: 'No proposal matches these filters.',
  filterObjective: 'Objective',
  filterDelegation: 'Delegation',
  filterStatus: 'Status',
  allObjectives: 'All objectives',
  outsideObjectives: 'Outside the objectives',
  allDelegations: 'All delegations',
  allStatuses: 'All statuses',
  objective: (n) => `Objective ${n}`,
  status: { open: 'Open', accepted: 'Accepted', rejected: 'Rejected', withdrawn: 'Withdrawn' },
  coFacilitators: 'Co-facilitators',
  proposalOf: (delegation) => `Proposal ${delegation}`,
  deletionOf: (delegation) => `Deletion proposed ${delegation}`,
  by: (name) => `by ${name}`,
  decidedBy: (name) => `decided by ${name}`,
  newBlock: {
    paragraph: 'New paragraph',
    principle: 'New guiding principle',
    objective: 'New objective',
    action: 'New action',
  },
  deletedBlock: {
    paragraph: 'Deletion of the paragraph',
    principle: 'Deletion of the guiding principle',
    objective: 'Deletion of the objective',
    action: 'Deletion of the action',
  },
  noTextLeft: '(no text left)',
  openInObjective: (n) => (n === 1 ? '1 open proposal' : `${n} open proposals`),
  compilation: 'Compilation of these proposals:',
  compilationHtml: 'read',
  compilationDocx: 'Word',
  goToText: 'Go to the text',

  supporters: 'Supported by:',
  support: 'Support',
  unsupport: 'Withdraw support',
  comment: 'Comment',
  comments: (n) => (n === 1 ? '1 comment' : `${n} comments`),
  commentPlaceholder: 'Your comment… (@FRA tells France)',
  reply: 'Reply',
  replyPlaceholder: 'Your reply…',
  resolveThread: 'Resolve',
  reopenThread: 'Reopen',
  threadResolved: (by) => `Resolved by ${by}`,
  rationale: 'Rationale:',
  explain: 'Explain',
  rationalePlaceholder: 'Why your delegation proposes this change…',
  send: 'Send',
  cancel: 'Cancel',
  withdraw: 'Withdraw',
  accept: 'Accept',
  reject: 'Reject',
  acceptAll: 'Accept all (filtered)',
  rejectAll: 'Reject all (filtered)',
  inObjectives: (n, isOutsideToo) =>
    [
      n === 1 ? 'in 1 objective' : n > 1 ? `in ${n} objectives` : '',
      isOutsideToo ? 'outside the objectives' : '',
    ]
      .filter(Boolean)
      .join(' and '),
  confirmAll: (decision, n) =>
    `${decision === 'accept' ? 'Accept' : 'Reject'} ${n === 1 ? 'the open proposal' : `the ${n} open proposals`} of this filter?`,
  confirm: 'Confirm',
  actionFailed: (detail) => `The action failed: ${detail}`,

  modeLabel: 'Mode',
  modeEdit: 'Edit',
  modeSuggest: 'Suggest',
  modeEditHint: 'Your changes apply to the text directly.',
  modeSuggestHint: 'Your changes become proposals of the co-facilitators.',
  suggestingBadge: 'Suggesting',
  suggestingHint:
    'What you type becomes a proposal of your delegation, which the co-facilitators accept or reject.',
  proposeDeletion: 'Propose deletion',
  proposeDeletionHint: 'Propose to delete the paragraph, action or objective at the cursor',
  withdrawDeletion: 'Withdraw the proposed deletion',
  removeOwnBlock: 'Remove my addition',
  deletionProposedBy: (delegation) => `Deletion already proposed (${delegation})`,
  refusals: {
    split:
      'In suggesting mode, Enter adds a block only at the end of a paragraph or action; agreed text is not split.',
    join: 'In suggesting mode, two blocks are not merged: propose to delete the paragraph or the text instead.',
    structure:
      'In suggesting mode, the structure changes through the Paragraph, Action, Objective and Propose deletion buttons.',
    format: 'In suggesting mode, formatting does not change.',
    move: 'In suggesting mode, text is not moved by dragging it: cut it, then paste it.',
    adRef:
      'This paragraph is agreed ad referendum: it takes no proposals until the co-facilitators reopen it.',
  },
}
