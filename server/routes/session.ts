import { Router } from 'express'
import { SignInRequest, type Me } from '../../shared/accountsApi.ts'
import { SESSION_COOKIE } from '../auth/authenticate.ts'
import { hashToken } from '../auth/tokens.ts'
import { parse as parseCookie } from 'cookie'
import { signIn } from '../commands/signIn.ts'
import type { AppContext } from '../context.ts'
import { actorOf, clientAddress } from './middleware.ts'
import { parseBody } from './parseBody.ts'

/** Sign-in, sign-out and the current user (DESIGN.md section 7). */
export function sessionRoutes(context: AppContext): Router {
  const router = Router()

  const presentMe = async (userId: number, csrfToken: string | null): Promise<Me> => {
    const user = await context.users.findById(userId)
    if (!user) throw new Error(`user ${userId} vanished`)
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        delegation: user.delegation,
        isSecretariat: user.isSecretariat,
      },
      roles: await context.users.roles(user.id),
      csrfToken,
    }
  }

  router.post('/session', async (request, response) => {
    const { username, password } = parseBody(SignInRequest, request.body)
    const session = await signIn({ context, username, password, address: clientAddress(request) })
    response.cookie(SESSION_COOKIE, session.sessionToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/',
      expires: session.expiresAt,
    })
    response.json(await presentMe(session.userId, session.csrfToken))
  })

  router.delete('/session', async (request, response) => {
    const actor = actorOf(response)
    const token = parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE]
    if (token) await context.credentials.deleteSession(hashToken(token))
    await context.audit.record({ negotiationId: null, actor, action: 'session.signedOut' })
    response.clearCookie(SESSION_COOKIE, { path: '/' })
    response.status(204).end()
  })

  router.get('/me', async (_request, response) => {
    const actor = actorOf(response)
    response.json(await presentMe(actor.userId, actor.csrfToken))
  })

  return router
}
