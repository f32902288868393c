import type { Response } from 'express'
import { NEGOTIATION_ID_PATTERN } from '../../shared/limits.ts'
import type { AppContext } from '../context.ts'
import { badRequest, notFound } from '../errors.ts'
import { mayRead } from '../policies/negotiation.ts'
import { actorOf } from './middleware.ts'

/**
 * validate -> load -> authorize, for every route under a negotiation. A negotiation one may not
 * read answers 404 like one that does not exist, so that ids cannot be probed.
 */
export async function loadNegotiation(context: AppContext, nid: string, response: Response) {
  const actor = actorOf(response)
  if (!NEGOTIATION_ID_PATTERN.test(nid)) throw badRequest('Invalid negotiation id.')
  const negotiation = await context.negotiations.find(nid)
  const role = negotiation ? await context.users.roleIn(actor.userId, nid) : null
  if (!negotiation || !mayRead(actor, { negotiationId: nid, role })) {
    throw notFound(`No negotiation "${nid}".`)
  }
  return { negotiation, actor, role }
}
