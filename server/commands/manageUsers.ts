import type { Role } from '../../shared/permissions.ts'
import type { Actor } from '../auth/Actor.ts'
import { hashPassword } from '../auth/passwords.ts'
import type { AppContext } from '../context.ts'
import { badRequest, conflict, notFound } from '../errors.ts'
import { isUniqueViolation } from '../storage/isUniqueViolation.ts'

/** Creates a user (secretariat). */
export async function createUser(props: {
  context: AppContext
  actor: Actor | null
  username: string
  displayName: string
  password: string
  delegation: string | null
  isSecretariat: boolean
}): Promise<number> {
  const { context } = props
  if (await context.users.findByUsername(props.username)) {
    throw conflict(`The user name "${props.username}" is taken.`, 'username_taken')
  }
  if (props.delegation && !(await context.negotiations.findDelegation(props.delegation))) {
    throw badRequest(`No delegation ${props.delegation}.`, 'unknown_delegation')
  }
  // The check above and the insert are two steps; the unique user name decides a race.
  const userId = await context.users
    .create({
      username: props.username,
      displayName: props.displayName,
      passwordHash: await hashPassword(props.password),
      delegation: props.delegation,
      isSecretariat: props.isSecretariat,
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error)
        ? conflict(`The user name "${props.username}" is taken.`, 'username_taken')
        : error
    })
  await context.audit.record({
    negotiationId: null,
    actor: props.actor,
    action: 'user.created',
    details: { userId, username: props.username, delegation: props.delegation },
  })
  return userId
}

async function loadUser(context: AppContext, userId: number) {
  const user = await context.users.findById(userId)
  if (!user) throw notFound(`No user ${userId}.`)
  return user
}

/** Sets or removes a user's role in a negotiation; open connections follow at once. */
export async function setRole(props: {
  context: AppContext
  actor: Actor
  userId: number
  negotiationId: string
  role: Role | null
}): Promise<void> {
  const { context, userId, negotiationId, role } = props
  const user = await loadUser(context, userId)
  if (role === 'delegation' && !user.delegation) {
    throw badRequest('A user without a delegation cannot have the delegation role.')
  }
  await context.users.setRole(userId, negotiationId, role)
  await context.audit.record({
    negotiationId,
    actor: props.actor,
    action: 'role.set',
    details: { userId, role },
  })
  context.accessChanges.announce(userId)
}

/** Deactivates or reactivates a user; a deactivated user's sessions end and sockets close. */
export async function setUserActive(props: {
  context: AppContext
  actor: Actor
  userId: number
  isActive: boolean
}): Promise<void> {
  const { context, userId, isActive } = props
  await loadUser(context, userId)
  await context.users.setActive(userId, isActive)
  // Reactivation must not bring old credentials back to life: they end with the deactivation.
  if (!isActive) {
    await endCredentialsOf({ context, actor: props.actor, userId, reason: 'user.deactivated' })
  }
  await context.audit.record({
    negotiationId: null,
    actor: props.actor,
    action: isActive ? 'user.activated' : 'user.deactivated',
    details: { userId },
  })
  context.accessChanges.announce(userId)
}

/** Sets a new password (secretariat) and ends the user's sessions and API tokens. */
export async function resetPassword(props: {
  context: AppContext
  actor: Actor
  userId: number
  password: string
}): Promise<void> {
  const { context, userId } = props
  await loadUser(context, userId)
  await context.users.setPasswordHash(userId, await hashPassword(props.password))
  // A reset answers a suspected compromise: a token minted with the old password is as
  // suspect as a session opened with it.
  await endCredentialsOf({ context, actor: props.actor, userId, reason: 'user.passwordReset' })
  await context.audit.record({
    negotiationId: null,
    actor: props.actor,
    action: 'user.passwordReset',
    details: { userId },
  })
  context.accessChanges.announce(userId)
}

/**
 * Ends every session and revokes every personal API token of a user, each revocation in the
 * audit log under the acting secretariat. Open connections are left to the caller's
 * announcement of the access change, which re-authenticates them with what they connected with.
 */
async function endCredentialsOf(props: {
  context: AppContext
  actor: Actor
  userId: number
  reason: 'user.deactivated' | 'user.passwordReset'
}): Promise<void> {
  const { context, userId, reason } = props
  await context.credentials.deleteSessionsOf(userId)
  const revoked = await context.credentials.revokeApiTokensOf(userId, context.now())
  for (const id of revoked) {
    await context.audit.record({
      negotiationId: null,
      actor: props.actor,
      action: 'token.revoked',
      details: { id, userId, reason },
    })
  }
}
