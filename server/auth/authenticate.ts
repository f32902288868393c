import type { IncomingHttpHeaders } from 'node:http'
import { parse as parseCookie } from 'cookie'
import type { CredentialRepository } from '../storage/sessions.ts'
import type { UserRepository } from '../storage/users.ts'
import type { Actor } from './Actor.ts'
import { API_TOKEN_PREFIX, hashToken } from './tokens.ts'

export const SESSION_COOKIE = 'draftroom_session'

/**
 * Who is behind a request or a WebSocket upgrade: the session cookie, or a bearer token (a
 * personal API token) in the Authorization header or, for WebSocket clients that cannot set
 * headers, the `access_token` query parameter. Null when nobody valid is: unknown or expired
 * session, revoked token, deactivated user.
 */
export async function authenticate(props: {
  headers: IncomingHttpHeaders
  query?: URLSearchParams
  users: UserRepository
  credentials: CredentialRepository
  now: Date
}): Promise<Actor | null> {
  const { headers, users, credentials, now } = props
  const bearer = bearerToken(headers.authorization) ?? props.query?.get('access_token') ?? null
  if (bearer?.startsWith(API_TOKEN_PREFIX)) {
    const token = await credentials.findActiveApiToken(hashToken(bearer))
    if (!token) return null
    const user = await users.findById(token.user_id)
    return user?.isActive ? toActor(user, 'token', null) : null
  }
  const sessionToken = parseCookie(headers.cookie ?? '')[SESSION_COOKIE]
  if (!sessionToken) return null
  const session = await credentials.findSession(hashToken(sessionToken))
  if (!session || new Date(session.expires_at) <= now) return null
  const user = await users.findById(session.user_id)
  return user?.isActive ? toActor(user, 'session', session.csrf_token) : null
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  return match?.[1] ?? null
}

const toActor = (
  user: {
    id: number
    username: string
    displayName: string
    delegation: string | null
    isSecretariat: boolean
  },
  via: Actor['via'],
  csrfToken: string | null,
): Actor => ({
  userId: user.id,
  username: user.username,
  displayName: user.displayName,
  delegation: user.delegation,
  isSecretariat: user.isSecretariat,
  via,
  csrfToken,
})
