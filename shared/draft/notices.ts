/**
 * The notices the server sends a Draftroom client (message type `notice`, JSON `{ code,
 * message }`): the code is the contract, the message a fallback in English; the client shows
 * its own words for each code.
 */
export const NoticeCode = {
  /** The server refused a change: the client's copy diverged and is reloaded. */
  refusedChange: 'refused_change',
  /** The text is frozen (a silence procedure runs, or it was adopted). */
  frozen: 'frozen',
  /** The user may read but not write. */
  readOnly: 'read_only',
  /** A presence naming another participant's client id was refused. */
  forgedPresence: 'forged_presence',
  /** The secretariat changed the user's role while connected. */
  roleChanged: 'role_changed',
  /** Storage is failing: changes are held, not saved. */
  notSaving: 'not_saving',
  /** Storage is back: held changes are being saved. */
  saving: 'saving',
} as const

export type NoticeCode = (typeof NoticeCode)[keyof typeof NoticeCode]

/** Notices after which the client's copy is no longer the server's: it must load it again. */
export const DIVERGED_NOTICES: ReadonlySet<string> = new Set([
  NoticeCode.refusedChange,
  NoticeCode.frozen,
  NoticeCode.readOnly,
])
