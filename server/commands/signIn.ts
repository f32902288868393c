import type { AppContext } from '../context.ts'
import { newSecret, hashToken } from '../auth/tokens.ts'
import { dummyPasswordHash, verifyPassword } from '../auth/passwords.ts'
import { tooManyRequests, unauthorized } from '../errors.ts'

/**
 * Checks a user name and password and opens a session. A wrong user name and a wrong password
 * get the same answer, after the same work (a dummy hash is verified for unknown users).
 */
export async function signIn(props: {
  context: AppContext
  username: string
  password: string
  address: string
}): Promise<{ sessionToken: string; csrfToken: string; expiresAt: Date; userId: number }> {
  const { context, username, password, address } = props
  const now = context.now()
  const key = `${address}|${username.toLowerCase()}`
  if (!(await context.loginLimiter.attempt(key, now.getTime()))) {
    throw tooManyRequests('Too many sign-in attempts; wait a minute.')
  }
  const user = await context.users.findByUsername(username.toLowerCase())
  const isValid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()))
  if (!user || !isValid || !user.isActive) {
    throw unauthorized('Wrong user name or password.')
  }
  const sessionToken = newSecret()
  const csrfToken = newSecret()
  const expiresAt = new Date(now.getTime() + context.sessionTtlMs)
  await context.credentials.createSession({
    tokenHash: hashToken(sessionToken),
    userId: user.id,
    csrfToken,
    expiresAt,
  })
  await context.audit.record({
    negotiationId: null,
    actor: { userId: user.id, delegation: user.delegation },
    action: 'session.signedIn',
  })
  return { sessionToken, csrfToken, expiresAt, userId: user.id }
}
