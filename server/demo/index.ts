import { draftRoomName } from '../../shared/collabProtocol.ts'
import type { AppContext } from '../context.ts'
import { createNegotiation } from '../commands/createNegotiation.ts'
import { publishRevision } from '../commands/publishRevision.ts'
import { writeDemoProposals } from './demoProposals.ts'
import { hashPassword } from '../auth/passwords.ts'
import { buildDemoDraft } from './demoDraft.ts'
import { DEMO_DELEGATIONS } from './demoDelegations.ts'
import { DEMO_PASSWORD, DEMO_USERS } from './demoUsers.ts'

/** The id of the demo negotiation created on a new data directory. */
export const DEMO_NEGOTIATION_ID = 'pacte-mondial'

/** Creates the demo negotiation of DESIGN.md section 8: the draft compact and its accounts. */
export async function createDemo(context: AppContext): Promise<void> {
  await createNegotiation({
    context,
    actor: null,
    id: DEMO_NEGOTIATION_ID,
    title: 'Pacte mondial pour des migrations sûres, ordonnées et régulières',
    language: 'fr',
    draft: buildDemoDraft(),
  })
  for (const { standing, ...delegation } of DEMO_DELEGATIONS) {
    await context.negotiations.saveDelegation(delegation)
    await context.negotiations.seatDelegation(DEMO_NEGOTIATION_ID, delegation.code, standing)
  }
  // One hash for every demo account: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const authors = new Map<string, { userId: number; name: string }>()
  for (const user of DEMO_USERS) {
    const userId = await context.users.create({ ...user, passwordHash })
    await context.users.setRole(userId, DEMO_NEGOTIATION_ID, user.role)
    authors.set(user.username, { userId, name: user.displayName })
  }
  // The zero draft is published as it was circulated, before any amendment.
  await publishRevision({
    context,
    actor: null,
    negotiationId: DEMO_NEGOTIATION_ID,
    symbol: 'Avant-projet',
    title: 'Avant-projet du Pacte mondial pour des migrations sûres, ordonnées et régulières',
  })
  const room = await context.rooms.open(draftRoomName(DEMO_NEGOTIATION_ID))
  room.transactAsServer(() => writeDemoProposals(room.doc, authors, context.now()))
  await room.whenCommitted()
  context.rooms.scheduleUnload(room)
  context.logger.info({ negotiation: DEMO_NEGOTIATION_ID }, 'demo negotiation created')
}
