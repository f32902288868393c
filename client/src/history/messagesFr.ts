import type { HistoryMessages } from './messages.ts'

/** L’historique d’un paragraphe en français. */
export const historyFr: HistoryMessages = {
  button: 'Historique',
  buttonOf: (label) => `Historique de ${label}`,
  noBlock: 'Placez le curseur dans un paragraphe pour en voir l’historique',
  title: (label) => (label ? `Historique de ${label}` : 'Historique du paragraphe'),
  close: 'Fermer',
  loading: 'Chargement…',
  failed: (message) => `L’historique n’a pas pu être chargé\u00a0: ${message}`,
  now: 'Aujourd’hui',
  proposals: 'Propositions',
  noProposals: 'Aucune proposition n’a été faite sur ce texte.',
  status: { open: 'Ouverte', accepted: 'Acceptée', rejected: 'Rejetée', withdrawn: 'Retirée' },
  inserted: 'Ajout',
  deleted: 'Suppression',
  proposedOn: (date) => `proposée le ${date}`,
  decided: (name, date) => `décidée par ${name}, le ${date}`,
  revisions: 'Dans chaque révision',
  noRevisions: 'Aucune révision n’a encore été publiée.',
  inRevision: {
    absent: 'Absent de cette révision',
    unchanged: 'Identique',
    changed: 'Texte d’alors',
    moved: 'Ailleurs alors',
  },
}
