import type { Policies } from '../../../shared/accountsApi.ts'
import type { Ability } from '../../../shared/permissions.ts'

/** Whether the server lets the user do `ability` in the negotiation. */
export const may = (policies: Policies, ability: Ability): boolean =>
  policies.abilities.includes(ability)

/** Whether the user may change the text at all: directly, or by proposals. */
export const mayWriteText = (policies: Policies): boolean =>
  may(policies, 'edit') || may(policies, 'propose')
