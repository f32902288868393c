/** The strings of the co-facilitators' Agree ad ref / Reopen button. */
export interface AdRefMessages {
  markAdRef: (label: string | null) => string
  reopenAdRef: (label: string | null) => string
  adRefHint: string
  adRefFailed: (message: string) => string
}
