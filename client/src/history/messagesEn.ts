import type { HistoryMessages } from './messages.ts'

/** A paragraph's history in English. */
export const historyEn: HistoryMessages = {
  button: 'History',
  buttonOf: (label) => `History of ${label}`,
  noBlock: 'Place the cursor in a paragraph to see its history',
  title: (label) => (label ? `History of ${label}` : 'History of the paragraph'),
  close: 'Close',
  loading: 'Loading…',
  failed: (message) => `The history could not be loaded: ${message}`,
  now: 'Now',
  proposals: 'Proposals',
  noProposals: 'No proposal was made on this text.',
  status: { open: 'Open', accepted: 'Accepted', rejected: 'Rejected', withdrawn: 'Withdrawn' },
  inserted: 'Insert',
  deleted: 'Delete',
  proposedOn: (date) => `proposed ${date}`,
  decided: (name, date) => `decided by ${name}, ${date}`,
  revisions: 'In each revision',
  noRevisions: 'No revision has been published yet.',
  inRevision: {
    absent: 'Not in this revision',
    unchanged: 'As now',
    changed: 'Read then',
    moved: 'Elsewhere then',
  },
}
