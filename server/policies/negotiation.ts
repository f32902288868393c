import { roleAllows, type Ability, type Role } from '../../shared/permissions.ts'
import type { Policy } from './authorize.ts'

/** A negotiation as policies see it: the actor's role in it. */
export interface NegotiationSubject {
  negotiationId: string
  role: Role | null
}

/** Anyone with a role in the negotiation may read it; the secretariat reads every one. */
export const mayRead: Policy<NegotiationSubject> = (actor, { role }) =>
  actor.isSecretariat || roleAllows(role, 'read')

/** A role's ability in the negotiation, from the permission table. */
export const mayDo =
  (ability: Ability): Policy<NegotiationSubject> =>
  (_actor, { role }) =>
    roleAllows(role, ability)

/** Only the secretariat manages negotiations, delegations, users and roles. */
export const mayManage: Policy<unknown> = (actor) => actor.isSecretariat
