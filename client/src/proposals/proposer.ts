import type { Me, Policies } from '../../../shared/accountsApi.ts'
import { CO_FACILITATORS } from '../../../shared/draft/index.ts'
import type { Ability } from '../../../shared/permissions.ts'

/** What the user may do with proposals, from the server's policies (never guessed). */
export interface ProposalRights {
  /** Whose proposals the user makes (`FRA`, `co-facilitators`), or null if none. */
  proposer: string | null
  /** Co-facilitators edit directly unless they choose to suggest. */
  mayEditDirectly: boolean
  may: (ability: Ability) => boolean
  /** Who the user is, to know their own comment threads. */
  userId: number
  delegation: string | null
}

/** The user's rights on proposals, as the server attributes them (policies/draftChange.ts). */
export function proposalRightsOf(policies: Policies, user: Me['user']): ProposalRights {
  const may = (ability: Ability) => policies.abilities.includes(ability)
  const proposer =
    policies.role === 'coFacilitator'
      ? CO_FACILITATORS
      : may('propose') && user.delegation
        ? user.delegation
        : null
  return {
    proposer,
    mayEditDirectly: may('edit'),
    may,
    userId: user.id,
    delegation: user.delegation,
  }
}

/** What changes the text is not offered while it is frozen (the server refuses it: 409). */
export const withoutTextChanges = (rights: ProposalRights): ProposalRights => ({
  ...rights,
  may: (ability) => ability !== 'decide' && ability !== 'withdraw' && rights.may(ability),
})
