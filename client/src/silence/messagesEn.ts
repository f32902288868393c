import type { SilenceMessages } from './messages.ts'

/** The silence procedure in English. */
export const silenceEn: SilenceMessages = {
  silenceName: 'Silence procedure',
  silenceStatusTitle: {
    running: 'Silence procedure under way',
    broken: 'Silence broken',
    adopted: 'Text adopted',
    cancelled: 'Silence procedure cancelled',
  },
  silenceStatusShort: {
    running: 'under way',
    broken: 'silence broken',
    adopted: 'adopted',
    cancelled: 'cancelled',
  },
  silenceRevisionOf: (symbol) => `Revision: ${symbol}`,
  silenceBarTitle: 'Silence running',
  silenceBarDeadline: (when) => `Deadline: ${when}`,
  silenceBarLabel: 'Silence procedure running',
  silenceOpenCirculated: (symbol) => `See the circulated text (${symbol})`,
  silenceOpenCirculatedHint: 'The circulated text, read-only, in a new tab',
  silenceUnknownRevision: 'unknown revision',

  silenceDeadline: 'Deadline',
  silenceDeadlineAlso: 'that is',
  silenceYourTime: 'your time',
  silenceRemaining: 'Time left',
  silenceCountdown: (days, hours, minutes, seconds) =>
    `${days} d ${hours} h ${minutes} min ${seconds} s`,
  silenceCountdownLabel: (text) => `Time left before the deadline: ${text}`,
  silenceDeadlineReached: 'Deadline reached — the server is confirming the adoption…',
  silenceFrozen:
    'The text is frozen during the procedure: no changes and no decisions on proposals.',
  silenceCoverNote: 'Cover note of the co-facilitators',
  silenceStartedBy: (name, when) => `Started by ${name} on ${when}.`,
  silenceExtendedFrom: (previous) => `Deadline extended (previous deadline: ${previous}).`,
  silenceBrokenBy: (delegation, name, when) => `${delegation} broke silence on ${when} (${name}).`,
  silenceStatementOf: (delegation) => `Statement — ${delegation}`,
  silenceResumed: 'Negotiation resumes: the text can be changed again.',
  silenceAdoptedAt: (when) =>
    `No delegation broke silence: the text was adopted at the deadline, on ${when}.`,
  silenceLocked: 'The draft is locked.',
  silenceCancelledBy: (name, when) =>
    `Cancelled by ${name} on ${when}. The text is no longer frozen.`,

  silenceStart: 'Start a silence procedure',
  silenceStartTitle: 'Silence procedure',
  silenceStartIntro:
    'The text is frozen during the procedure. It is adopted unless a delegation breaks silence before the deadline.',
  silenceRevision: 'Revision',
  silenceNoRevision: 'No revision has been published. Publish a revision first.',
  silenceDate: 'Date',
  silenceTime: 'Time',
  silenceTimeZone: 'Time zone',
  silenceZoneSearch: 'Search for a time zone (city, country, region)',
  silenceRequired: '(required)',
  silenceDeadlineIs: 'Deadline:',
  silenceNote: 'Cover note',
  silenceNotePlaceholder: 'The co-facilitators place the above text under silence procedure…',
  silenceLength: (length, max) => `${length} / ${max} characters`,
  silenceSubmit: 'Start the procedure',
  silenceSending: 'Sending…',

  silenceExtend: 'Extend',
  silenceExtendTitle: 'Extend the deadline',
  silenceExtendIntro: (current) => `Current deadline: ${current}.`,
  silenceExtendSubmit: 'Extend the deadline',
  silenceNotLater: 'The new deadline must be later than the current one.',

  silenceCancel: 'Cancel the procedure',
  silenceCancelTitle: 'Cancel the procedure?',
  silenceCancelIntro:
    'The procedure ends without adoption and the text is no longer frozen. Everyone sees it at once.',
  silenceCancelConfirm: 'Cancel the procedure',
  silenceKeep: 'Keep it',

  silenceBreak: 'Break silence',
  silenceBreakTitle: 'Break silence',
  silenceBreakIntro: (delegation) =>
    `On behalf of your delegation, ${delegation}. A written statement is required; every participant reads it.`,
  silenceStatement: 'Statement',
  silenceStatementPlaceholder: 'The delegation cannot join consensus on…',
  silenceBreakContinue: 'Continue',
  silenceBreakConfirmText: (delegation) =>
    `Do you confirm that you break silence on behalf of ${delegation}? The procedure ends at once, without adoption. This cannot be undone.`,
  silenceBreakConfirm: 'Yes, break silence',
  silenceBreakEdit: 'Back to the statement',

  silenceExplanations: 'Explanations of position',
  silenceNoExplanations: 'No explanation of position yet.',
  silenceExplanationOf: (delegation, name, when) => `${delegation} — ${name}, on ${when}`,
  silenceExplain: 'Explanation of position of your delegation',
  silenceExplainHint: 'One explanation per delegation, published to everyone.',
  silenceExplainSubmit: 'File the explanation',

  silenceHistory: 'History',
  silenceHistoryTitle: 'Silence procedures',
  silenceHistoryEmpty: 'No procedure yet.',
  silenceHistoryDeadline: (when) => `Deadline: ${when}`,
  silenceHistoryExtension: (from, to, name) => `Extended by ${name}: ${from} → ${to}`,
  silenceHistoryExplanations: (count) =>
    count === 1 ? '1 explanation of position' : `${count} explanations of position`,

  silenceFailed: (detail) => `The action failed: ${detail}`,
  silenceErrors: {
    invalid_deadline: 'This deadline is not valid (past, or not a time of this zone).',
    unknown_time_zone: 'Unknown time zone.',
    empty_note: 'The cover note is required.',
    empty_statement: 'The text is required.',
    too_long: 'The text is too long.',
    not_later: 'The new deadline must be later than the current one.',
    deadline_passed: 'The deadline has passed: the text has been adopted.',
    not_running: 'The procedure has already ended.',
    not_adopted: 'Explanations of position follow the adoption of the text.',
    already_explained: 'Your delegation has already filed its explanation of position.',
    silence_running: 'A silence procedure is already under way.',
    adopted: 'The text has already been adopted.',
    forbidden: 'Your role does not allow this.',
    not_found: 'This procedure or revision does not exist.',
  },
  circulatedTextLabel: (symbol) => `Circulated text (${symbol}), read-only`,
  showCirculatedText: (symbol) => `Circulated text (${symbol})`,
  showLiveDraft: 'Live draft',
  circulatedTextNote: 'Silence procedure under way: this is the circulated text, as published.',
}
