import type { SilenceMessages } from './messages.ts'

const NBSP = '\u00a0'

/** The silence procedure in French, in the words of the General Assembly's French texts. */
export const silenceFr: SilenceMessages = {
  silenceName: 'Procédure d’approbation tacite',
  silenceStatusTitle: {
    running: 'Procédure d’approbation tacite en cours',
    broken: 'Silence rompu',
    adopted: 'Texte adopté',
    cancelled: 'Procédure d’approbation tacite annulée',
  },
  silenceStatusShort: {
    running: 'en cours',
    broken: 'silence rompu',
    adopted: 'adopté',
    cancelled: 'annulée',
  },
  silenceRevisionOf: (symbol) => `Révision${NBSP}: ${symbol}`,
  silenceBarTitle: 'Silence en cours',
  silenceBarDeadline: (when) => `Date limite${NBSP}: ${when}`,
  silenceBarLabel: 'Procédure d’approbation tacite en cours',
  silenceOpenCirculated: (symbol) => `Voir le texte circulé (${symbol})`,
  silenceOpenCirculatedHint: 'Le texte circulé, en lecture seule, dans un nouvel onglet',
  silenceUnknownRevision: 'révision inconnue',

  silenceDeadline: 'Date limite',
  silenceDeadlineAlso: 'soit',
  silenceYourTime: 'votre heure',
  silenceRemaining: 'Temps restant',
  silenceCountdown: (days, hours, minutes, seconds) =>
    `${days}${NBSP}j ${hours}${NBSP}h ${minutes}${NBSP}min ${seconds}${NBSP}s`,
  silenceCountdownLabel: (text) => `Temps restant avant la date limite${NBSP}: ${text}`,
  silenceDeadlineReached:
    'Date limite atteinte — adoption en cours de confirmation par le serveur…',
  silenceFrozen: `Le texte est gelé pendant la procédure${NBSP}: ni modification ni décision sur les propositions.`,
  silenceCoverNote: 'Note d’accompagnement des co-facilitateurs',
  silenceStartedBy: (name, when) => `Lancée par ${name} le ${when}.`,
  silenceExtendedFrom: (previous) => `Délai prolongé (date limite précédente${NBSP}: ${previous}).`,
  silenceBrokenBy: (delegation, name, when) =>
    `${delegation} a rompu le silence le ${when} (${name}).`,
  silenceStatementOf: (delegation) => `Déclaration — ${delegation}`,
  silenceResumed: `La négociation reprend${NBSP}: le texte peut de nouveau être modifié.`,
  silenceAdoptedAt: (when) =>
    `Aucune délégation n’a rompu le silence${NBSP}: le texte a été adopté à la date limite, le ${when}.`,
  silenceLocked: 'Le projet est verrouillé.',
  silenceCancelledBy: (name, when) => `Annulée par ${name} le ${when}. Le texte n’est plus gelé.`,

  silenceStart: 'Lancer une procédure d’approbation tacite',
  silenceStartTitle: 'Procédure d’approbation tacite',
  silenceStartIntro:
    'Le texte est gelé pendant la procédure. Il est adopté si aucune délégation ne rompt le silence avant la date limite.',
  silenceRevision: 'Révision',
  silenceNoRevision: 'Aucune révision publiée. Publiez d’abord une révision.',
  silenceDate: 'Date',
  silenceTime: 'Heure',
  silenceTimeZone: 'Fuseau horaire',
  silenceZoneSearch: 'Chercher un fuseau (ville, pays, région)',
  silenceRequired: '(obligatoire)',
  silenceDeadlineIs: `Date limite${NBSP}:`,
  silenceNote: 'Note d’accompagnement',
  silenceNotePlaceholder: 'Les co-facilitateurs soumettent le texte ci-dessus à la procédure…',
  silenceLength: (length, max) => `${length} / ${max} caractères`,
  silenceSubmit: 'Lancer la procédure',
  silenceSending: 'Envoi…',

  silenceExtend: 'Prolonger',
  silenceExtendTitle: 'Prolonger le délai',
  silenceExtendIntro: (current) => `Date limite actuelle${NBSP}: ${current}.`,
  silenceExtendSubmit: 'Prolonger le délai',
  silenceNotLater: 'La nouvelle date limite doit être postérieure à la date limite actuelle.',

  silenceCancel: 'Annuler la procédure',
  silenceCancelTitle: `Annuler la procédure${NBSP}?`,
  silenceCancelIntro:
    'La procédure prend fin sans adoption et le texte n’est plus gelé. Tous les participants le voient aussitôt.',
  silenceCancelConfirm: 'Annuler la procédure',
  silenceKeep: 'Ne pas annuler',

  silenceBreak: 'Rompre le silence',
  silenceBreakTitle: 'Rompre le silence',
  silenceBreakIntro: (delegation) =>
    `Au nom de votre délégation, ${delegation}. Une déclaration écrite est requise${NBSP}; tous les participants la lisent.`,
  silenceStatement: 'Déclaration',
  silenceStatementPlaceholder: 'La délégation ne peut se joindre au consensus sur…',
  silenceBreakContinue: 'Continuer',
  silenceBreakConfirmText: (delegation) =>
    `Confirmez-vous rompre le silence au nom de ${delegation}${NBSP}? La procédure prend fin immédiatement, sans adoption. Cette action est définitive.`,
  silenceBreakConfirm: 'Oui, rompre le silence',
  silenceBreakEdit: 'Revenir à la déclaration',

  silenceExplanations: 'Explications de position',
  silenceNoExplanations: 'Aucune explication de position pour le moment.',
  silenceExplanationOf: (delegation, name, when) => `${delegation} — ${name}, le ${when}`,
  silenceExplain: 'Explication de position de votre délégation',
  silenceExplainHint: 'Une seule explication par délégation, publiée pour tous.',
  silenceExplainSubmit: 'Déposer l’explication',

  silenceHistory: 'Historique',
  silenceHistoryTitle: 'Procédures d’approbation tacite',
  silenceHistoryEmpty: 'Aucune procédure pour le moment.',
  silenceHistoryDeadline: (when) => `Date limite${NBSP}: ${when}`,
  silenceHistoryExtension: (from, to, name) => `Prolongée par ${name}${NBSP}: ${from} → ${to}`,
  silenceHistoryExplanations: (count) =>
    count === 1 ? '1 explication de position' : `${count} explications de position`,

  silenceFailed: (detail) => `L’action a échoué${NBSP}: ${detail}`,
  silenceErrors: {
    invalid_deadline: 'Cette date limite n’est pas valide (passée, ou inexistante dans ce fuseau).',
    unknown_time_zone: 'Fuseau horaire inconnu.',
    empty_note: 'La note d’accompagnement est requise.',
    empty_statement: 'Le texte est requis.',
    too_long: 'Le texte est trop long.',
    not_later: 'La nouvelle date limite doit être postérieure à la date limite actuelle.',
    deadline_passed: `La date limite est passée${NBSP}: le texte a été adopté.`,
    not_running: 'La procédure a déjà pris fin.',
    not_adopted: 'Les explications de position suivent l’adoption du texte.',
    already_explained: 'Votre délégation a déjà déposé son explication de position.',
    silence_running: 'Une procédure d’approbation tacite est déjà en cours.',
    adopted: 'Le texte a déjà été adopté.',
    forbidden: 'Votre rôle ne permet pas cette action.',
    not_found: 'Cette procédure ou cette révision n’existe pas.',
  },
  circulatedTextLabel: (symbol) => `Texte circulé (${symbol}), en lecture seule`,
  showCirculatedText: (symbol) => `Texte circulé (${symbol})`,
  showLiveDraft: 'Brouillon en direct',
  circulatedTextNote: `Procédure d’approbation tacite en cours${NBSP}: voici le texte circulé, tel qu’il a été publié.`,
}
