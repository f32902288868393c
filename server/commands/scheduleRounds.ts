import type { z } from 'zod'
import { roleAllows, type Role } from '../../shared/permissions.ts'
import type { CreateRoundRequest, UpdateRoundRequest } from '../../shared/rounds.ts'
import { type Round } from '../../shared/rounds.ts'
import { newUid } from '../../shared/schema/index.ts'
import type { Actor } from '../auth/Actor.ts'
import type { AppContext } from '../context.ts'
import { badRequest, forbidden, notFound } from '../errors.ts'

interface RoundCommand {
  context: AppContext
  actor: Actor
  role: Role | null
  negotiationId: string
}

function refuseUnlessScheduler(role: Role | null): void {
  if (!roleAllows(role, 'scheduleRounds'))
    throw forbidden('Only the co-facilitators schedule rounds.')
}

/** Opens a round (first reading, informal consultations ...) from its start date. */
export async function createRound(
  props: RoundCommand & { request: z.infer<typeof CreateRoundRequest> },
): Promise<Round> {
  const { context, actor, negotiationId, request } = props
  refuseUnlessScheduler(props.role)
  const id = `round-${newUid()}`
  await context.rounds.insert({
    id,
    negotiation_id: negotiationId,
    kind: request.kind,
    name: request.name,
    starts_on: request.startsOn,
    ends_on: request.endsOn ?? null,
    created_at: context.now().toISOString(),
  })
  await context.audit.record({
    negotiationId,
    actor,
    action: 'round.created',
    details: { id, kind: request.kind, name: request.name, startsOn: request.startsOn },
  })
  const round = await context.rounds.find(negotiationId, id)
  if (!round) throw new Error(`round ${id} vanished`)
  return round
}

/** Renames a round or changes its kind or dates. */
export async function updateRound(
  props: RoundCommand & { roundId: string; request: z.infer<typeof UpdateRoundRequest> },
): Promise<Round> {
  const { context, actor, negotiationId, roundId, request } = props
  refuseUnlessScheduler(props.role)
  const round = await context.rounds.find(negotiationId, roundId)
  if (!round) throw notFound(`No round ${roundId} in this negotiation.`)
  const next = { ...round, ...request }
  if (next.endsOn !== null && next.endsOn < next.startsOn)
    throw badRequest('endsOn: not before startsOn')
  await context.rounds.update(roundId, {
    kind: next.kind,
    name: next.name,
    starts_on: next.startsOn,
    ends_on: next.endsOn,
  })
  await context.audit.record({
    negotiationId,
    actor,
    action: 'round.updated',
    details: { id: roundId, before: round, changes: request },
  })
  return { ...round, ...next }
}
