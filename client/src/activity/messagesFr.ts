import type { ActivityMessages } from './messages.ts'

const proposals = (n: number) => (n === 1 ? 'une proposition' : `${n} propositions`)
const ofOwner = (owner: string | null, n: number) =>
  owner ? `${proposals(n)} de ${owner}` : proposals(n)

/** Le fil d’activité en français. */
export const activityFr: ActivityMessages = {
  button: 'Activité',
  unread: (n) => (n === 1 ? '1 nouvel événement' : `${n} nouveaux événements`),
  title: 'Activité de la négociation',
  close: 'Fermer',
  filterDelegation: 'Délégation',
  filterObjective: 'Objectif',
  allDelegations: 'Toutes les délégations',
  allObjectives: 'Tous les objectifs',
  objective: (n) => `Objectif ${n}`,
  empty: 'Rien ne correspond encore à ces filtres.',
  loadOlder: 'Afficher les événements plus anciens',
  loading: 'Chargement…',
  failed: (message) => `L’activité n’a pas pu être chargée\u00a0: ${message}`,
  system: 'Draftroom',
  coFacilitators: 'Cofacilitateurs',
  goToText: 'Aller au texte',
  item: {
    // Only an alternative names its paragraph when it is made.
    'proposal.made': (w) =>
      w.block
        ? `${w.actor} a proposé une variante du paragraphe ${w.block}`
        : `${w.actor} a proposé une modification`,
    'proposal.accept': (w) => `${w.actor} a accepté ${ofOwner(w.owner, w.count)}`,
    'proposal.reject': (w) => `${w.actor} a rejeté ${ofOwner(w.owner, w.count)}`,
    'proposal.revert': (w) =>
      `${w.actor} a annulé la décision sur ${ofOwner(w.owner, w.count)}, de nouveau ouverte`,
    'proposal.withdraw': (w) => `${w.actor} a retiré ${ofOwner(w.owner, w.count)}`,
    'proposal.support': (w) => `${w.actor} a appuyé ${ofOwner(w.owner, w.count)}`,
    'proposal.unsupport': (w) => `${w.actor} a retiré son appui à ${ofOwner(w.owner, w.count)}`,
    'proposal.resolve': (w) => `${w.actor} a clos une discussion sur ${ofOwner(w.owner, w.count)}`,
    'proposal.reopen': (w) =>
      `${w.actor} a rouvert une discussion sur ${ofOwner(w.owner, w.count)}`,
    'proposal.mention': (w) =>
      `${w.actor} a mentionné ${w.owner ?? 'une délégation'} dans un commentaire`,
    'proposal.comment': (w) => `${w.actor} a commenté ${ofOwner(w.owner, w.count)}`,
    'paragraph.adRef': (w) =>
      `${w.actor} a agréé ad referendum ${w.block ? `le paragraphe ${w.block}` : 'un paragraphe'}`,
    'paragraph.reopened': (w) =>
      `${w.actor} a rouvert ${w.block ? `le paragraphe ${w.block}` : 'un paragraphe'} aux propositions`,
    'revision.published': (w) => `${w.actor} a publié ${w.revision ?? 'une révision'}`,
    'revision.imported': (w) => `${w.actor} a importé ${w.revision ?? 'une révision'}`,
    'silence.started': (w) =>
      `${w.actor} a ouvert une procédure d’approbation tacite${w.deadline ? ` jusqu’au ${w.deadline}` : ''}`,
    'silence.extend': (w) =>
      `${w.actor} a prolongé la procédure d’approbation tacite${w.deadline ? ` jusqu’au ${w.deadline}` : ''}`,
    'silence.broken': (w) => `${w.actor} a rompu le silence`,
    'silence.adopted': () => 'Le texte est adopté\u00a0: personne n’a rompu le silence',
    'silence.cancelled': (w) => `${w.actor} a annulé la procédure d’approbation tacite`,
  },
  sinceLastVisit: ({ accepted, rejected, supported, commented, mentioned }) => {
    const parts = [
      accepted > 0 &&
        `${accepted === 1 ? '1 de vos propositions a été acceptée' : `${accepted} de vos propositions ont été acceptées`}`,
      rejected > 0 && `${rejected === 1 ? '1 rejetée' : `${rejected} rejetées`}`,
      supported > 0 && `${supported === 1 ? '1 appui reçu' : `${supported} appuis reçus`}`,
      commented > 0 &&
        `${commented === 1 ? '1 commentaire' : `${commented} commentaires`} sur vos propositions`,
      mentioned > 0 &&
        `${mentioned === 1 ? '1 mention' : `${mentioned} mentions`} de votre délégation`,
    ].filter((part): part is string => typeof part === 'string')
    return `Depuis votre dernière visite\u00a0: ${parts.join(', ')}.`
  },
  proposalsMadeSince: (n) =>
    `Depuis votre dernière visite\u00a0: ${n === 1 ? '1 nouvelle proposition' : `${n} nouvelles propositions`}.`,
  seeActivity: 'Voir l’activité',
  dismiss: 'Fermer',
}
