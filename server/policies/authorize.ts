import type { Ability, Role } from '../../shared/permissions.ts'
import type { Actor } from '../auth/Actor.ts'
import { forbidden, unauthorized } from '../errors.ts'

/**
 * Policies read as sentences: `allow(ability, (actor, subject) => ...)`. One set, asked by the
 * HTTP routes, the WebSocket upgrade and the update handler alike.
 */
export type Policy<Subject> = (actor: Actor, subject: Subject) => boolean

/** The actor and their role in the negotiation a request is about. */
export interface Membership {
  actor: Actor
  negotiationId: string
  role: Role | null
}

/** Throws 401 when nobody is signed in. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthorized()
  return actor
}

/** Throws 403 unless the policy allows. */
export function authorize<Subject>(
  actor: Actor,
  policy: Policy<Subject>,
  subject: Subject,
  message?: string,
): void {
  if (!policy(actor, subject)) throw forbidden(message)
}

export type { Ability }
