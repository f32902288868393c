import { isUid } from '../../shared/schema/uid.ts'
import { badRequest } from '../errors.ts'

/** The block a route names in its path (`:uid`), checked before any work; 400 otherwise. */
export function blockUid(uid: string): string {
  if (!isUid(uid)) throw badRequest('uid: a short string of letters, digits and dashes.')
  return uid
}
