import type { Request, RequestHandler, Response } from 'express'
import type { Actor } from '../auth/Actor.ts'
import { authenticate } from '../auth/authenticate.ts'
import type { AppContext } from '../context.ts'
import { HttpError } from '../errors.ts'
import { requireActor } from '../policies/authorize.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
export const CSRF_HEADER = 'x-csrf-token'

/** Resolves the actor of every API request (or null) into `response.locals.actor`. */
export function resolveActor(context: AppContext): RequestHandler {
  return async (request, response, next) => {
    response.locals.actor = await authenticate({
      headers: request.headers,
      users: context.users,
      credentials: context.credentials,
      now: context.now(),
    })
    next()
  }
}

/**
 * Cross-site request forgery: a state-changing request authenticated by the session cookie must
 * carry the session's CSRF token in a header, which another site can neither read nor set
 * (SameSite=Strict on the cookie is the second wall). Bodies must be JSON, so that a cross-site
 * HTML form cannot post at all. Bearer-token requests carry no ambient credential.
 */
export const csrfProtection: RequestHandler = (request, response, next) => {
  if (SAFE_METHODS.has(request.method)) return next()
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0
  // Files are sent as themselves: a revision to import, a delegation's Word amendments.
  const isImport =
    request.path.endsWith('/revisions/import') ||
    /\/amendments\/(preview|apply)$/.test(request.path)
  const acceptsType = isImport
    ? request.is([
        'application/octet-stream',
        'text/plain',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ])
    : request.is('application/json')
  if (hasBody && !acceptsType) {
    return next(new HttpError(415, 'unsupported_media_type', 'Send JSON.'))
  }
  const actor = response.locals.actor as Actor | null
  // Signing in again over an old session replaces it; it needs no token of the old one.
  const isSignIn = request.method === 'POST' && request.path === '/session'
  if (!isSignIn && actor?.via === 'session' && request.get(CSRF_HEADER) !== actor.csrfToken) {
    return next(new HttpError(403, 'csrf_failed', 'Missing or wrong CSRF token.'))
  }
  next()
}

/** The signed-in actor of a request; 401 when there is none. */
export const actorOf = (response: Response): Actor =>
  requireActor((response.locals.actor as Actor | null | undefined) ?? null)

/** The client's address, for rate limits. */
export const clientAddress = (request: Request): string => request.socket.remoteAddress ?? '?'
