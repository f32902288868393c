import { draftRoomName } from '../../shared/collabProtocol.ts'
import { SilenceError } from '../../shared/silence/silenceError.ts'
import {
  isDraftFrozen,
  startSilence,
  transitionSilence,
  type SilenceEvent,
} from '../../shared/silence/silenceMachine.ts'
import type { SilenceProcedure } from '../../shared/silence/silenceSchema.ts'
import { newUid } from '../../shared/schema/uid.ts'
import type { Actor } from '../auth/Actor.ts'
import type { RoomRegistry } from '../collab/RoomRegistry.ts'
import { HttpError, badRequest, conflict } from '../errors.ts'
import type { Logger } from '../logger.ts'
import { SILENCE_MAP } from '../../shared/draft/index.ts'
import type { AuditLog } from '../storage/audit.ts'
import type { SilenceRepository } from '../storage/silenceProcedures.ts'

/** Node's timers hold at most ~24.8 days; longer deadlines are reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1

const toHttpError = (error: SilenceError): HttpError => {
  switch (error.code) {
    case 'deadline_passed':
    case 'not_running':
    case 'not_adopted':
    case 'already_explained':
      return conflict(error.message, error.code)
    default:
      return badRequest(error.message, error.code)
  }
}

/**
 * Runs silence procedures on the server's clock: stores every step (compare-and-set, so a
 * procedure is settled exactly once even when a break races the deadline), keeps the frozen
 * state of each draft, settles deadlines by timer and on start (as of the deadline, for one
 * that passed while the server was down), and mirrors procedures into the live document so
 * that every connected client sees a start, an extension or an end at once.
 */
export class SilenceService {
  private readonly frozen = new Map<string, boolean>()
  private readonly timers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly deps: {
      repository: SilenceRepository
      audit: AuditLog
      rooms: RoomRegistry
      logger: Logger
      now: () => Date
    },
  ) {}

  /** Several processes: told of every change here, to tell the others (see `refresh`). */
  onChange: ((negotiationId: string) => void) | null = null

  /**
   * Reads a negotiation's procedures again, as another process changed them: the frozen state
   * and the deadline timers. Every process keeps a timer per running procedure; the settling
   * is a compare-and-set, so the deadline is settled once whichever fires first.
   */
  async refresh(negotiationId: string): Promise<void> {
    const stored = await this.deps.repository.list(negotiationId)
    this.frozen.set(
      negotiationId,
      isDraftFrozen(
        stored.map((s) => s.procedure),
        this.deps.now(),
      ),
    )
    for (const { procedure } of stored) {
      if (procedure.status === 'running') this.schedule(procedure)
    }
  }

  /** Settles what passed while the server was down, and schedules the rest. */
  async resume(negotiationIds: readonly string[]): Promise<void> {
    for (const negotiationId of negotiationIds) await this.refreshFrozen(negotiationId)
    for (const { procedure } of await this.deps.repository.listRunning()) {
      await this.settle(procedure.negotiationId, procedure.id)
      // Still running: its deadline is ahead, and this process keeps a timer for it too.
      const current = await this.deps.repository.find(procedure.negotiationId, procedure.id)
      if (current?.procedure.status === 'running') this.schedule(current.procedure)
    }
  }

  isFrozen(negotiationId: string): boolean {
    return this.frozen.get(negotiationId) ?? false
  }

  async list(negotiationId: string): Promise<SilenceProcedure[]> {
    const stored = await this.deps.repository.list(negotiationId)
    // Reading settles lazily too: no one ever sees a running procedure past its deadline.
    return stored.map(({ procedure }) =>
      transitionSilence(procedure, { type: 'settle' }, this.deps.now()),
    )
  }

  async start(props: {
    negotiationId: string
    revisionId: string
    deadline: Date
    timeZone: string
    note: string
    actor: Actor
  }): Promise<SilenceProcedure> {
    const procedures = await this.list(props.negotiationId)
    const blocking = procedures.find((p) => p.status === 'running' || p.status === 'adopted')
    if (blocking) {
      throw conflict(
        blocking.status === 'running'
          ? 'A silence procedure is already running.'
          : 'The text has been adopted.',
        blocking.status === 'running' ? 'silence_running' : 'adopted',
      )
    }
    let procedure: SilenceProcedure
    try {
      procedure = startSilence({
        id: `sil-${newUid()}`,
        negotiationId: props.negotiationId,
        revisionId: props.revisionId,
        deadline: props.deadline,
        timeZone: props.timeZone,
        note: props.note,
        startedBy: { userId: props.actor.userId, name: props.actor.displayName },
        now: this.deps.now(),
      })
    } catch (error) {
      throw error instanceof SilenceError ? toHttpError(error) : error
    }
    await this.deps.repository.insert(procedure)
    await this.afterChange(procedure, props.actor, 'silence.started')
    return procedure
  }

  /** Applies an event; of concurrent writers exactly one wins each version, the others retry. */
  async act(
    negotiationId: string,
    id: string,
    event: SilenceEvent,
    actor: Actor | null,
  ): Promise<SilenceProcedure> {
    for (;;) {
      const stored = await this.deps.repository.find(negotiationId, id)
      if (!stored) throw new HttpError(404, 'not_found', `No silence procedure ${id}.`)
      let next: SilenceProcedure
      try {
        next = transitionSilence(stored.procedure, event, this.deps.now())
      } catch (error) {
        if (error instanceof SilenceError) {
          // A refused event may still have met a deadline that passed: record the adoption.
          await this.settle(negotiationId, id)
          throw toHttpError(error)
        }
        throw error
      }
      if (next === stored.procedure) return next
      if (!(await this.deps.repository.compareAndSet(next, stored.version))) continue
      const action =
        next.status !== stored.procedure.status ? `silence.${next.status}` : `silence.${event.type}`
      await this.afterChange(next, actor, action)
      return next
    }
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private async settle(negotiationId: string, id: string): Promise<void> {
    await this.act(negotiationId, id, { type: 'settle' }, null)
  }

  private async afterChange(procedure: SilenceProcedure, actor: Actor | null, action: string) {
    await this.refreshFrozen(procedure.negotiationId)
    await this.deps.audit.record({
      negotiationId: procedure.negotiationId,
      actor,
      action,
      details: {
        procedureId: procedure.id,
        revisionId: procedure.revisionId,
        status: procedure.status,
        deadline: procedure.deadline,
      },
    })
    await this.mirror(procedure)
    this.schedule(procedure)
    this.onChange?.(procedure.negotiationId)
  }

  private async refreshFrozen(negotiationId: string): Promise<void> {
    const procedures = (await this.deps.repository.list(negotiationId)).map((s) => s.procedure)
    this.frozen.set(negotiationId, isDraftFrozen(procedures, this.deps.now()))
  }

  private async mirror(procedure: SilenceProcedure): Promise<void> {
    const room = await this.deps.rooms.open(draftRoomName(procedure.negotiationId))
    try {
      await room.whenCurrent()
      room.transactAsServer(() => room.doc.getMap(SILENCE_MAP).set(procedure.id, procedure))
      await room.whenCommitted()
    } finally {
      if (room.peers.size === 0) this.deps.rooms.scheduleUnload(room)
    }
  }

  private schedule(procedure: SilenceProcedure): void {
    clearTimeout(this.timers.get(procedure.id))
    this.timers.delete(procedure.id)
    if (procedure.status !== 'running') return
    const delay = Math.max(0, Date.parse(procedure.deadline) - this.deps.now().getTime())
    const timer = setTimeout(
      () => {
        this.timers.delete(procedure.id)
        this.deps.logger.debug({ procedure: procedure.id }, 'silence deadline reached')
        this.settle(procedure.negotiationId, procedure.id)
          .then(async () => {
            // A timer may fire before the clock reaches the deadline (long waits go in steps).
            const current = await this.deps.repository.find(procedure.negotiationId, procedure.id)
            if (current?.procedure.status === 'running') this.schedule(current.procedure)
          })
          .catch((error: unknown) =>
            this.deps.logger.error({ err: error, procedure: procedure.id }, 'settling failed'),
          )
      },
      Math.min(delay, MAX_TIMER_MS),
    )
    timer.unref()
    this.timers.set(procedure.id, timer)
  }
}
