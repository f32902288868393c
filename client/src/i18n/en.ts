import { objectiveLabel } from '../../../shared/numbering.ts'
import type { Messages } from './messages.ts'

/** The English UI. */
export const en: Messages = {
  appName: 'Draftroom',
  loading: 'Loading…',
  loadingDraft: 'Loading the text…',
  noNegotiation: 'No negotiation is open at the moment.',
  loadFailed: (detail) => `Could not load the negotiation: ${detail}`,
  offlineCopy: 'Offline: showing the details from your last visit.',
  retry: 'Try again',
  reload: 'Reload the page',
  dismiss: 'Dismiss',
  cancel: 'Cancel',
  close: 'Close',
  loadingList: 'Loading…',

  connection: { connected: 'Connected', connecting: 'Connecting…', offline: 'Offline' },
  connectionLabel: 'Connection',
  saved: { saved: 'Saved', saving: 'Saving…', 'offline-unsaved': 'Not saved (offline)' },
  savedLabel: 'Saving',
  savedTitle: {
    saved: 'All your changes are saved on the server.',
    saving: 'Your latest changes are being saved.',
    'offline-unsaved': 'Your changes are kept on this device and will be sent when you reconnect.',
  },

  languageSwitchLabel: 'Passer en français',
  coFacilitators: 'Co-facilitators',
  coFacilitatorsShort: 'Co-fac.',

  toolbarLabel: 'Insert',
  insertParagraph: 'Paragraph',
  insertAction: 'Action',
  insertObjective: 'Objective',
  insertParagraphHint: 'Insert a paragraph after the current block',
  insertActionHint: 'Insert an action after the current action or commitment',
  insertObjectiveHint: 'Insert an objective after the current objective',

  outlineTitle: 'Outline',
  showOutline: 'Outline',
  showProposals: 'Proposals',
  closePanel: 'Close the panel',
  skipToText: 'Skip to the text',
  outlineEmpty: 'The text is empty.',
  paragraphRef: (from, to) => (to !== undefined && to !== from ? `§ ${from}–${to}` : `§ ${from}`),

  objectiveHeading: (objective) => `${objectiveLabel(objective, 'en')}: `,
  adRefBadge: 'agreed ad ref',
  outlineAdRef: (adRef, total) => `${adRef} of ${total} ad ref`,
  placeholderParagraph: 'Paragraph…',
  placeholderCommitment: 'We commit to…',
  placeholderAction: 'Action…',
  placeholderSectionTitle: 'Section title',
  placeholderPrinciple: 'Guiding principle…',
  editorLabel: 'Draft text',

  closeReasons: {
    goingAway: 'The server is restarting. Reconnecting automatically…',
    malformed: 'The connection was closed (unreadable message). Reconnecting…',
    tooBig: 'Your latest change is too large to send. It is kept on this device.',
    internal: 'Internal server error. Reconnecting…',
    unknownMessageType: 'This version of Draftroom is out of date. Please reload the page.',
    unauthenticated: 'You are not signed in. Sign in, then reload the page.',
    forbidden: 'You do not have access to this negotiation.',
    unknownRoom: 'This negotiation does not exist (any more).',
    invalidUpdate: 'The server refused an invalid change. Your changes are kept on this device.',
    tooManyRefusals:
      'The server refused too many of your changes in a row and closed the connection. Reload the page.',
    writingTooFast:
      'This device sent more than the server accepts in a minute and was disconnected. Wait a minute, then reload the page.',
  },
  closedUnknown: (code) => `The connection to the server was closed (code ${code}).`,
  notice: 'Message from the server',
  notices: {
    not_saving:
      'The server cannot save right now. Your changes are kept and will be saved as soon as possible.',
    saving: 'The server is saving again.',
    read_only: 'You may read this text but not change it.',
    role_changed: 'Your role in this negotiation has changed.',
    frozen:
      'The text is frozen (a silence procedure is under way, or it was adopted): the change was refused.',
    refused_change:
      'The server refused your latest change: the text was reloaded as the server holds it.',
    invalid_update:
      'The server could not read your latest change: the text was reloaded as the server holds it.',
  },
}
