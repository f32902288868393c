import { Router } from 'express'
import { SignInRequest, type Me, type SessionState } from '../../shared/accountsApi.ts'
import type { Actor } from '../auth/Actor.ts'
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

  // Whether anyone is signed in, asked by the app when it loads: nobody is an answer, not an
  // error (a 401 here was logged as a console error on every visit to the sign-in page).
  router.get('/session', async (_request, response) => {
    const actor = (response.locals.actor as Actor | null | undefined) ?? null
    const body: SessionState = {
      me: actor ? await presentMe(actor.userId, actor.csrfToken) : null,
    }
    response.json(body)
  })

  router.get('/me', async (_request, response) => {
    const actor = actorOf(response)
    response.json(await presentMe(actor.userId, actor.csrfToken))
  })

  return router
}
