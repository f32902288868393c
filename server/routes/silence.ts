import { Router } from 'express'
import { roleAllows } from '../../shared/permissions.ts'
import {
  BreakSilenceRequest,
  ExplainPositionRequest,
  ExtendSilenceRequest,
  StartSilenceRequest,
} from '../../shared/silenceApi.ts'
import { defaultDeadline, resolveDeadline } from '../../shared/silence/deadline.ts'
import { SilenceError } from '../../shared/silence/silenceError.ts'
import { DEFAULT_SILENCE_TIME_ZONE } from '../../shared/silence/silenceLimits.ts'
import type { AppContext } from '../context.ts'
import { badRequest, forbidden, notFound } from '../errors.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { parseBody } from './parseBody.ts'

const PROCEDURE_ID = /^sil-[0-9a-z]{6,64}$/

/** An instant from "YYYY-MM-DDTHH:mm" in a zone, or from an ISO string with an offset. */
function deadlineOf(value: string | undefined, timeZone: string, now: Date): Date {
  try {
    if (value === undefined) return resolveDeadline(defaultDeadline(now))
    if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) return new Date(value)
    const [date = '', time = ''] = value.split('T')
    return resolveDeadline({ date, time: time.slice(0, 5), timeZone })
  } catch (error) {
    if (error instanceof SilenceError) throw badRequest(error.message, error.code)
    throw error
  }
}

/** The silence procedure: start, break, extend, cancel, explain; read one or all. */
export function silenceRoutes(context: AppContext): Router {
  const router = Router()
  const procedureId = (raw: string) => {
    if (!PROCEDURE_ID.test(raw)) throw badRequest('Invalid silence procedure id.')
    return raw
  }

  router.get('/negotiations/:nid/silence', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    response.json({ procedures: await context.silence.list(negotiation.id) })
  })

  router.get('/negotiations/:nid/silence/:sid', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const id = procedureId(request.params.sid)
    const procedure = (await context.silence.list(negotiation.id)).find((p) => p.id === id)
    if (!procedure) throw notFound(`No silence procedure ${id}.`)
    response.json(procedure)
  })

  router.post('/negotiations/:nid/silence', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    if (!roleAllows(role, 'runSilence'))
      throw forbidden('Only the co-facilitators run a silence procedure.')
    const body = parseBody(StartSilenceRequest, request.body)
    if (!(await context.revisions.find(negotiation.id, body.revisionId))) {
      throw notFound(`No revision ${body.revisionId} in this negotiation.`)
    }
    const timeZone = body.timeZone ?? DEFAULT_SILENCE_TIME_ZONE
    const procedure = await context.silence.start({
      negotiationId: negotiation.id,
      revisionId: body.revisionId,
      deadline: deadlineOf(body.deadline, timeZone, context.now()),
      timeZone,
      note: body.note,
      actor,
    })
    response.status(201).json(procedure)
  })

  router.post('/negotiations/:nid/silence/:sid/:action', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    const id = procedureId(request.params.sid)
    const by = { userId: actor.userId, name: actor.displayName }
    const act = (event: Parameters<typeof context.silence.act>[2]) =>
      context.silence.act(negotiation.id, id, event, actor)
    switch (request.params.action) {
      case 'break':
      case 'explain': {
        if (!roleAllows(role, 'breakSilence') || !actor.delegation) {
          throw forbidden('Only a delegation breaks silence or explains its position.')
        }
        if (request.params.action === 'break') {
          const { statement } = parseBody(BreakSilenceRequest, request.body)
          response.json(await act({ type: 'break', delegation: actor.delegation, by, statement }))
        } else {
          const { text } = parseBody(ExplainPositionRequest, request.body)
          response.json(await act({ type: 'explain', delegation: actor.delegation, by, text }))
        }
        return
      }
      case 'extend': {
        if (!roleAllows(role, 'runSilence'))
          throw forbidden('Only the co-facilitators extend a deadline.')
        const body = parseBody(ExtendSilenceRequest, request.body)
        const deadline = deadlineOf(
          body.deadline,
          body.timeZone ?? DEFAULT_SILENCE_TIME_ZONE,
          context.now(),
        )
        response.json(await act({ type: 'extend', deadline, by }))
        return
      }
      case 'cancel':
        if (!roleAllows(role, 'runSilence'))
          throw forbidden('Only the co-facilitators cancel a procedure.')
        response.json(await act({ type: 'cancel', by }))
        return
      default:
        throw badRequest('action: one of break, extend, cancel, explain')
    }
  })

  return router
}
