import { alternativeLabel } from '../../../shared/alternatives.ts'
import type { ProposalMessages } from './messages.ts'

const NBSP = '\u00a0'

/** The proposals in French. */
export const proposalsFr: ProposalMessages = {
  panelTitle: 'Propositions',
  panelLabel: 'Propositions des délégations',
  count: (n) => (n <= 1 ? `${n} proposition` : `${n} propositions`),
  empty: 'Aucune proposition ne correspond à ces filtres.',
  filterObjective: 'Objectif',
  filterDelegation: 'Délégation',
  filterStatus: 'Statut',
  allObjectives: 'Tous les objectifs',
  outsideObjectives: 'Hors objectifs',
  allDelegations: 'Toutes les délégations',
  allStatuses: 'Tous les statuts',
  objective: (n) => `Objectif ${n}`,
  status: { open: 'Ouverte', accepted: 'Acceptée', rejected: 'Rejetée', withdrawn: 'Retirée' },
  coFacilitators: 'Co-facilitateurs',
  proposalOf: (delegation) => `Proposition ${delegation}`,
  deletionOf: (delegation) => `Suppression proposée ${delegation}`,
  by: (name) => `par ${name}`,
  decidedBy: (name) => `décision de ${name}`,
  newBlock: {
    paragraph: 'Nouveau paragraphe',
    principle: 'Nouveau principe directeur',
    objective: 'Nouvel objectif',
    action: 'Nouvelle action',
  },
  deletedBlock: {
    paragraph: 'Suppression du paragraphe',
    principle: 'Suppression du principe directeur',
    objective: 'Suppression de l’objectif',
    action: 'Suppression de l’action',
  },
  noTextLeft: '(plus de texte)',
  openInObjective: (n) => (n <= 1 ? `${n} proposition ouverte` : `${n} propositions ouvertes`),
  compilation: 'Compilation de ces propositions\u00a0:',
  compilationHtml: 'lire',
  compilationDocx: 'Word',
  changeCardLabel: (proposer) => `Modification proposée${NBSP}: ${proposer}`,
  closeCard: 'Fermer',
  changeCardHint: `Alt+Entrée dans le texte ouvre cette fiche${NBSP}; Échap la ferme.`,
  goToText: 'Aller au texte',

  supporters: `Soutenue par${NBSP}:`,
  support: 'Soutenir',
  unsupport: 'Retirer l’appui',
  comment: 'Commenter',
  comments: (n) => (n <= 1 ? `${n} commentaire` : `${n} commentaires`),
  commentPlaceholder: 'Votre commentaire… (@FRA prévient la France)',
  reply: 'Répondre',
  replyPlaceholder: 'Votre réponse…',
  resolveThread: 'Clore',
  reopenThread: 'Rouvrir',
  threadResolved: (by) => `Discussion close par ${by}`,
  rationale: `Exposé des motifs${NBSP}:`,
  explain: 'Expliquer',
  rationalePlaceholder: 'Pourquoi votre délégation propose ce changement…',
  send: 'Envoyer',
  cancel: 'Annuler',
  withdraw: 'Retirer',
  accept: 'Accepter',
  reject: 'Rejeter',
  revertDecision: 'Annuler la décision',
  alternativeNotRevertible:
    'Une variante acceptée a remplacé tout le paragraphe\u00a0: cette décision est définitive.',
  alternativeOf: alternativeLabel,
  revertRefused: {
    built_on:
      'Le texte a changé à cet endroit depuis la décision\u00a0: elle ne peut plus être annulée.',
    not_revertible: 'Décision groupée\u00a0: cette décision est définitive.',
  },
  acceptAll: 'Accepter tout (filtré)',
  rejectAll: 'Rejeter tout (filtré)',
  objectiveCount: (n, count) => `objectif ${n}${NBSP}: ${count}`,
  outsideCount: (count) => `hors des objectifs${NBSP}: ${count}`,
  confirmAll: (decision, n) =>
    `${decision === 'accept' ? 'Accepter' : 'Rejeter'} ${n <= 1 ? 'la proposition ouverte' : `les ${n} propositions ouvertes`} de ce filtre${NBSP}?`,
  confirm: 'Confirmer',
  actionFailed: (detail) => `L’action a échoué${NBSP}: ${detail}`,

  modeLabel: 'Mode',
  modeEdit: 'Modifier',
  modeSuggest: 'Suggérer',
  modeEditHint:
    'Vos modifications s’appliquent directement au texte, signalées comme celles des co-facilitateurs jusqu’à la prochaine révision.',
  modeSuggestHint: 'Vos modifications deviennent des propositions des co-facilitateurs.',
  suggestingBadge: 'Suggestion',
  suggestingHint:
    'Ce que vous tapez devient une proposition de votre délégation, que les co-facilitateurs acceptent ou rejettent.',
  proposeDeletion: 'Proposer la suppression',
  proposeDeletionHint:
    'Proposer de supprimer le paragraphe, l’action ou l’objectif où se trouve le curseur',
  withdrawDeletion: 'Retirer la proposition de suppression',
  removeOwnBlock: 'Supprimer mon ajout',
  deletionProposedBy: (delegation) => `Suppression déjà proposée (${delegation})`,
  refusals: {
    split: `En mode suggestion, Entrée ajoute un bloc seulement à la fin d’un paragraphe ou d’une action${NBSP}; le texte agréé n’est pas coupé.`,
    join: `En mode suggestion, deux blocs ne sont pas fusionnés${NBSP}: proposez plutôt la suppression du paragraphe ou du texte.`,
    structure:
      'En mode suggestion, la structure change par les boutons Paragraphe, Action, Objectif et Proposer la suppression.',
    format: 'En mode suggestion, la mise en forme ne change pas.',
    move: `En mode suggestion, le texte ne se déplace pas en le glissant${NBSP}: coupez-le puis collez-le.`,
    adRef: `Ce paragraphe est agréé ad referendum${NBSP}: il ne reçoit pas de proposition tant que les co-facilitateurs ne l’ont pas rouvert.`,
  },
}
