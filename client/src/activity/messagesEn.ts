import type { ActivityMessages } from './messages.ts'

const proposals = (n: number) => (n === 1 ? 'a proposal' : `${n} proposals`)
const ofOwner = (owner: string | null, n: number) =>
  owner ? `${proposals(n)} of ${owner}` : proposals(n)

/** The activity feed in English. */
export const activityEn: ActivityMessages = {
  button: 'Activity',
  unread: (n) => (n === 1 ? '1 new event' : `${n} new events`),
  title: 'Activity of the negotiation',
  close: 'Close',
  filterDelegation: 'Delegation',
  filterObjective: 'Objective',
  allDelegations: 'All delegations',
  allObjectives: 'All objectives',
  objective: (n) => `Objective ${n}`,
  empty: 'Nothing has happened yet that matches these filters.',
  loadOlder: 'Show older events',
  loading: 'Loading…',
  failed: (message) => `The activity could not be loaded: ${message}`,
  system: 'Draftroom',
  coFacilitators: 'Co-facilitators',
  goToText: 'Go to the text',
  item: {
    // Only an alternative names its paragraph when it is made.
    'proposal.made': (w) =>
      w.block
        ? `${w.actor} proposed an alternative to paragraph ${w.block}`
        : `${w.actor} proposed a change`,
    'proposal.accept': (w) => `${w.actor} accepted ${ofOwner(w.owner, w.count)}`,
    'proposal.reject': (w) => `${w.actor} rejected ${ofOwner(w.owner, w.count)}`,
    'proposal.revert': (w) =>
      `${w.actor} reverted the decision on ${ofOwner(w.owner, w.count)}, open again`,
    'proposal.withdraw': (w) => `${w.actor} withdrew ${ofOwner(w.owner, w.count)}`,
    'proposal.support': (w) => `${w.actor} supported ${ofOwner(w.owner, w.count)}`,
    'proposal.unsupport': (w) => `${w.actor} withdrew its support for ${ofOwner(w.owner, w.count)}`,
    'proposal.resolve': (w) =>
      `${w.actor} resolved a comment thread on ${ofOwner(w.owner, w.count)}`,
    'proposal.reopen': (w) =>
      `${w.actor} reopened a comment thread on ${ofOwner(w.owner, w.count)}`,
    'proposal.mention': (w) => `${w.actor} mentioned ${w.owner ?? 'a delegation'} in a comment`,
    'proposal.comment': (w) => `${w.actor} commented on ${ofOwner(w.owner, w.count)}`,
    'paragraph.adRef': (w) =>
      `${w.actor} marked ${w.block ? `paragraph ${w.block}` : 'a paragraph'} agreed ad referendum`,
    'paragraph.reopened': (w) =>
      `${w.actor} reopened ${w.block ? `paragraph ${w.block}` : 'a paragraph'} for proposals`,
    'revision.published': (w) => `${w.actor} published ${w.revision ?? 'a revision'}`,
    'revision.imported': (w) => `${w.actor} imported ${w.revision ?? 'a revision'}`,
    'silence.started': (w) =>
      `${w.actor} started a silence procedure${w.deadline ? ` until ${w.deadline}` : ''}`,
    'silence.extend': (w) =>
      `${w.actor} extended the silence procedure${w.deadline ? ` to ${w.deadline}` : ''}`,
    'silence.broken': (w) => `${w.actor} broke silence`,
    'silence.adopted': () => 'The text was adopted: nobody broke silence',
    'silence.cancelled': (w) => `${w.actor} cancelled the silence procedure`,
  },
  sinceLastVisit: ({ accepted, rejected, supported, commented, mentioned }) => {
    const parts = [
      accepted > 0 &&
        `${accepted === 1 ? '1 of your proposals was' : `${accepted} of your proposals were`} accepted`,
      rejected > 0 && `${rejected} rejected`,
      supported > 0 && `${supported === 1 ? '1 support' : `${supported} supports`} received`,
      commented > 0 &&
        `${commented === 1 ? '1 comment' : `${commented} comments`} on your proposals`,
      mentioned > 0 &&
        `${mentioned === 1 ? '1 mention' : `${mentioned} mentions`} of your delegation`,
    ].filter((part): part is string => typeof part === 'string')
    return `Since your last visit: ${parts.join(', ')}.`
  },
  proposalsMadeSince: (n) =>
    `Since your last visit: ${n === 1 ? '1 new proposal' : `${n} new proposals`}.`,
  seeActivity: 'See the activity',
  dismiss: 'Dismiss',
}
