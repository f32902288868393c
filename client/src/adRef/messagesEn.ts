import type { AdRefMessages } from './messages.ts'

/** The ad ref button in English. */
export const adRefEn: AdRefMessages = {
  markAdRef: (label) => (label ? `Agree ${label} ad ref` : 'Agree ad ref'),
  reopenAdRef: (label) => (label ? `Reopen ${label}` : 'Reopen'),
  adRefHint: 'Place the cursor in a paragraph or an action',
  adRefFailed: (message) => `The status could not be changed: ${message}`,
}
