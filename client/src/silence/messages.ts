import type { SilenceStatus } from '../../../shared/silence/silenceSchema.ts'

/**
 * The strings of the silence procedure (DESIGN.md section 5): the banner everyone sees, the
 * co-facilitators' start, extend and cancel dialogs, the delegations' break dialog and
 * explanations of position, the history. Dates arrive already formatted (`formatDeadline`).
 */
export interface SilenceMessages {
  silenceName: string
  silenceStatusTitle: Record<SilenceStatus, string>
  silenceStatusShort: Record<SilenceStatus, string>
  silenceRevisionOf: (symbol: string) => string
  silenceUnknownRevision: string
  /** The compact bar that stays in view while a procedure runs. */
  silenceBarTitle: string
  silenceBarDeadline: (when: string) => string
  silenceBarLabel: string
  /** Opens the circulated revision itself, read-only. */
  silenceOpenCirculated: (symbol: string) => string
  silenceOpenCirculatedHint: string

  silenceDeadline: string
  silenceDeadlineAlso: string
  silenceYourTime: string
  silenceRemaining: string
  /** The countdown; each part already padded where the language wants it. */
  silenceCountdown: (days: number, hours: string, minutes: string, seconds: string) => string
  silenceCountdownLabel: (text: string) => string
  silenceDeadlineReached: string
  silenceFrozen: string
  silenceCoverNote: string
  silenceStartedBy: (name: string, when: string) => string
  silenceExtendedFrom: (previous: string) => string
  silenceBrokenBy: (delegation: string, name: string, when: string) => string
  silenceStatementOf: (delegation: string) => string
  silenceResumed: string
  silenceAdoptedAt: (when: string) => string
  silenceLocked: string
  silenceCancelledBy: (name: string, when: string) => string

  silenceStart: string
  silenceStartTitle: string
  silenceStartIntro: string
  silenceRevision: string
  silenceNoRevision: string
  silenceDate: string
  silenceTime: string
  silenceTimeZone: string
  silenceZoneSearch: string
  /** Beside the label of a field the form cannot be sent without. */
  silenceRequired: string
  silenceDeadlineIs: string
  silenceNote: string
  silenceNotePlaceholder: string
  silenceLength: (length: string, max: string) => string
  silenceSubmit: string
  silenceSending: string

  silenceExtend: string
  silenceExtendTitle: string
  silenceExtendIntro: (current: string) => string
  silenceExtendSubmit: string
  silenceNotLater: string

  silenceCancel: string
  silenceCancelTitle: string
  silenceCancelIntro: string
  silenceCancelConfirm: string
  silenceKeep: string

  silenceBreak: string
  silenceBreakTitle: string
  silenceBreakIntro: (delegation: string) => string
  silenceStatement: string
  silenceStatementPlaceholder: string
  silenceBreakContinue: string
  silenceBreakConfirmText: (delegation: string) => string
  silenceBreakConfirm: string
  silenceBreakEdit: string

  silenceExplanations: string
  silenceNoExplanations: string
  silenceExplanationOf: (delegation: string, name: string, when: string) => string
  silenceExplain: string
  silenceExplainHint: string
  silenceExplainSubmit: string

  silenceHistory: string
  silenceHistoryTitle: string
  silenceHistoryEmpty: string
  silenceHistoryDeadline: (when: string) => string
  silenceHistoryExtension: (from: string, to: string, name: string) => string
  silenceHistoryExplanations: (count: number) => string

  silenceFailed: (detail: string) => string
  /** Known error codes of the silence API, in the UI language instead of the server's English. */
  silenceErrors: Readonly<Partial<Record<string, string>>>
  /** During a silence procedure: the circulated revision in the room, or the live draft. */
  circulatedTextLabel: (symbol: string) => string
  showCirculatedText: (symbol: string) => string
  showLiveDraft: string
  circulatedTextNote: string
}
