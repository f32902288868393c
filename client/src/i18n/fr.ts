import { objectiveLabel } from '../../../shared/numbering.ts'
import type { Messages } from './messages.ts'

const NBSP = '\u00a0'

/** The French UI (default). French typography: non-breaking space before « : ; ? ! ». */
export const fr: Messages = {
  appName: 'Draftroom',
  loading: 'Chargement…',
  loadingDraft: 'Chargement du texte…',
  noNegotiation: 'Aucune négociation n’est ouverte pour le moment.',
  loadFailed: (detail) => `Impossible de charger la négociation${NBSP}: ${detail}`,
  offlineCopy: `Hors ligne${NBSP}: informations de la dernière visite.`,
  retry: 'Réessayer',
  reload: 'Recharger la page',
  dismiss: 'Fermer',
  cancel: 'Annuler',
  close: 'Fermer',
  loadingList: 'Chargement…',

  connection: { connected: 'Connecté', connecting: 'Connexion…', offline: 'Hors ligne' },
  connectionLabel: 'État de la connexion',
  saved: {
    saved: 'Enregistré',
    saving: 'Enregistrement…',
    'offline-unsaved': 'Non enregistré (hors ligne)',
  },
  savedLabel: 'État de l’enregistrement',
  savedTitle: {
    saved: 'Toutes vos modifications sont enregistrées sur le serveur.',
    saving: 'Vos dernières modifications sont en cours d’enregistrement.',
    'offline-unsaved':
      'Vos modifications sont gardées sur cet appareil et seront envoyées à la reconnexion.',
  },

  languageSwitchLabel: 'Switch to English',
  coFacilitators: 'Co-facilitateurs',
  coFacilitatorsShort: 'Co-fac.',

  toolbarLabel: 'Insérer',
  insertParagraph: 'Paragraphe',
  insertAction: 'Action',
  insertObjective: 'Objectif',
  insertParagraphHint: 'Insérer un paragraphe après le bloc courant',
  insertActionHint: 'Insérer une action après l’action ou l’engagement courant',
  insertObjectiveHint: 'Insérer un objectif après l’objectif courant',

  outlineTitle: 'Plan',
  showOutline: 'Plan',
  showProposals: 'Propositions',
  closePanel: 'Fermer le panneau',
  skipToText: 'Aller au texte',
  outlineEmpty: 'Le texte est vide.',
  // A plain space: the outline keeps the reference on one line with CSS instead.
  paragraphRef: (from, to) => (to !== undefined && to !== from ? `§ ${from}–${to}` : `§ ${from}`),

  objectiveHeading: (objective) => `${objectiveLabel(objective, 'fr')}${NBSP}: `,
  adRefBadge: `agréé ad${NBSP}réf.`,
  outlineAdRef: (adRef, total) => `${adRef} sur ${total} ad${NBSP}réf.`,
  placeholderParagraph: 'Paragraphe…',
  placeholderCommitment: 'Nous nous engageons à…',
  placeholderAction: 'Action…',
  placeholderSectionTitle: 'Titre de la section',
  placeholderPrinciple: 'Principe directeur…',
  editorLabel: 'Texte du projet',

  closeReasons: {
    goingAway: 'Le serveur redémarre. Reconnexion automatique…',
    malformed: 'La connexion a été coupée (message illisible). Reconnexion…',
    tooBig:
      'Votre dernière modification est trop volumineuse pour être envoyée. Elle reste sur cet appareil.',
    internal: 'Erreur interne du serveur. Reconnexion…',
    unknownMessageType: 'Cette version de Draftroom n’est plus à jour. Rechargez la page.',
    unauthenticated: 'Vous n’êtes pas connecté. Connectez-vous puis rechargez la page.',
    forbidden: 'Vous n’avez pas accès à cette négociation.',
    unknownRoom: 'Cette négociation n’existe pas ou plus.',
    invalidUpdate:
      'Le serveur a refusé une modification non valide. Vos modifications restent sur cet appareil.',
    tooManyRefusals:
      'Le serveur a refusé trop de vos modifications d’affilée et a fermé la connexion. Rechargez la page.',
    writingTooFast:
      'Cet appareil a envoyé plus que ce que le serveur accepte en une minute et a été déconnecté. Attendez une minute puis rechargez la page.',
  },
  closedUnknown: (code) => `La connexion au serveur a été fermée (code ${code}).`,
  notice: 'Message du serveur',
  notices: {
    not_saving:
      'Le serveur ne peut pas enregistrer pour le moment. Vos modifications sont gardées et seront enregistrées dès que possible.',
    saving: 'Le serveur enregistre de nouveau.',
    read_only: 'Vous pouvez lire ce texte mais pas le modifier.',
    role_changed: 'Votre rôle dans cette négociation a changé.',
    frozen:
      'Le texte est gelé (procédure d’approbation tacite en cours, ou texte adopté) : la modification a été refusée.',
    refused_change: `Le serveur a refusé votre dernière modification${NBSP}: le texte a été rechargé tel qu’il est sur le serveur.`,
    invalid_update: `Le serveur n’a pas pu lire votre dernière modification${NBSP}: le texte a été rechargé tel qu’il est sur le serveur.`,
  },
}
