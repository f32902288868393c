import type { AlternativeMessages } from './messages.ts'

/** Les variantes, en français. */
export const alternativesFr: AlternativeMessages = {
  propose: (label) => (label ? `Proposer une variante de ${label}` : 'Proposer une variante'),
  proposeHint: 'Placez le curseur dans un paragraphe ou une action ouverts.',
  dialogTitle: (label) => (label ? `Variante du ${label}` : 'Variante du paragraphe'),
  dialogIntro:
    'La variante remplace tout le paragraphe si les cofacilitateurs l’acceptent. Elle figure à côté du texte, au nom de votre délégation.',
  wording: 'Libellé proposé',
  rationale: 'Exposé des motifs (facultatif)',
  submit: 'Proposer la variante',
  cancel: 'Annuler',
  failed: (reason) => `La variante n’a pas été proposée\u00a0: ${reason}`,
  boxLabel: (alt, delegation) => `${alt} proposée par ${delegation}`,
  accept: 'Accepter',
  reject: 'Rejeter',
  withdraw: 'Retirer',
  rationaleLabel: 'Exposé des motifs\u00a0:',
  supporters: 'Appuyée par\u00a0:',
}
