import type { RequestHandler } from 'express'
import { badRequest } from '../errors.ts'

const NUL = '\u0000'

/**
 * Whether a parsed JSON value or query holds a string with a NUL character anywhere. Iterative:
 * a body nested thousands deep must not overflow the stack before the schema refuses it.
 */
function holdsNul(root: unknown): boolean {
  const pending: unknown[] = [root]
  while (pending.length > 0) {
    const value = pending.pop()
    if (typeof value === 'string') {
      if (value.includes(NUL)) return true
    } else if (Array.isArray(value)) {
      for (const item of value as unknown[]) pending.push(item)
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(NUL)) return true
        pending.push(item)
      }
    }
  }
  return false
}

/**
 * Refuses (400 bad_request) a request whose path, query or JSON body holds the NUL character. PostgreSQL's
 * text cannot hold it (SQLite's can), and no name, title or note needs it: refusing it at the
 * door gives the same answer on both databases instead of a 500 from one of them.
 */
export const refuseNulCharacters: RequestHandler = (request, _response, next) => {
  let path: string
  try {
    path = decodeURIComponent(request.path)
  } catch {
    path = request.path
  }
  if (path.includes(NUL) || holdsNul(request.query) || holdsNul(request.body)) {
    return next(badRequest('Text may not contain the NUL character (U+0000).'))
  }
  next()
}
