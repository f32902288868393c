import type { Language } from '../../../shared/numbering.ts'
import type { CloseReasonName } from '../../../shared/collabProtocol.ts'

export type { Language }

/** The UI strings, one entry per key in every language; parameterised strings are functions. */
export interface Messages {
  appName: string
  loading: string
  loadingDraft: string
  noNegotiation: string
  loadFailed: (detail: string) => string
  offlineCopy: string
  retry: string
  reload: string
  dismiss: string
  cancel: string
  close: string
  loadingList: string

  connection: Record<ConnectionStateName, string>
  connectionLabel: string
  saved: Record<SavedStateName, string>
  savedLabel: string
  savedTitle: Record<SavedStateName, string>

  languageSwitchLabel: string
  coFacilitators: string
  coFacilitatorsShort: string

  toolbarLabel: string
  insertParagraph: string
  insertAction: string
  insertObjective: string
  insertParagraphHint: string
  insertActionHint: string
  insertObjectiveHint: string

  outlineTitle: string
  /** The toggles that open the outline and the proposals as drawers on narrow screens. */
  showOutline: string
  showProposals: string
  closePanel: string
  skipToText: string
  outlineEmpty: string
  paragraphRef: (from: number, to?: number) => string

  objectiveHeading: (objective: number | string) => string
  /** The badge of a paragraph agreed ad referendum, beside its text. */
  adRefBadge: string
  /** In the outline: how many of an objective's paragraphs and actions are agreed ad ref. */
  outlineAdRef: (adRef: number, total: number) => string
  placeholderParagraph: string
  placeholderCommitment: string
  placeholderAction: string
  placeholderSectionTitle: string
  placeholderPrinciple: string
  editorLabel: string

  closeReasons: Record<CloseReasonName, string>
  closedUnknown: (code: number) => string
  notice: string
  /** Known server notice codes, shown in the UI language instead of the server's English. */
  notices: Readonly<Partial<Record<string, string>>>
}

export type ConnectionStateName = 'connected' | 'connecting' | 'offline'
export type SavedStateName = 'saved' | 'saving' | 'offline-unsaved'
