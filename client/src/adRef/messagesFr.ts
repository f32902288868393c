import type { AdRefMessages } from './messages.ts'

const NBSP = '\u00a0'

/** The ad ref button in French. */
export const adRefFr: AdRefMessages = {
  markAdRef: (label) => (label ? `Agréer ${label} ad${NBSP}réf.` : `Agréer ad${NBSP}réf.`),
  reopenAdRef: (label) => (label ? `Rouvrir ${label}` : 'Rouvrir'),
  adRefHint: 'Placez le curseur dans un paragraphe ou une action',
  adRefFailed: (message) => `Le statut n’a pas pu être changé : ${message}`,
}
