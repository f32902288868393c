import type { z } from 'zod'
import { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import type {
  BreakSilenceRequest,
  ExplainPositionRequest,
  ExtendSilenceRequest,
  StartSilenceRequest,
} from '../../../shared/silenceApi.ts'
import { sendJson } from './fetchJson.ts'

/** The silence procedure API (DESIGN.md section 7), with the shared request and answer schemas. */

const base = (negotiationId: string) => `/api/negotiations/${encodeURIComponent(negotiationId)}`

/** The list of procedures; also what the server clock is read from (see serverClock.ts). */
export const silenceListUrl = (negotiationId: string): string => `${base(negotiationId)}/silence`

export const startSilence = (
  negotiationId: string,
  body: z.input<typeof StartSilenceRequest>,
): Promise<SilenceProcedure> =>
  sendJson('POST', silenceListUrl(negotiationId), body, SilenceProcedure)

const act = (negotiationId: string, procedureId: string, action: string, body: unknown) =>
  sendJson(
    'POST',
    `${silenceListUrl(negotiationId)}/${encodeURIComponent(procedureId)}/${action}`,
    body,
    SilenceProcedure,
  )

export const breakSilence = (
  negotiationId: string,
  procedureId: string,
  body: z.input<typeof BreakSilenceRequest>,
): Promise<SilenceProcedure> => act(negotiationId, procedureId, 'break', body)

export const extendSilence = (
  negotiationId: string,
  procedureId: string,
  body: z.input<typeof ExtendSilenceRequest>,
): Promise<SilenceProcedure> => act(negotiationId, procedureId, 'extend', body)

export const cancelSilence = (
  negotiationId: string,
  procedureId: string,
): Promise<SilenceProcedure> => act(negotiationId, procedureId, 'cancel', {})

export const explainPosition = (
  negotiationId: string,
  procedureId: string,
  body: z.input<typeof ExplainPositionRequest>,
): Promise<SilenceProcedure> => act(negotiationId, procedureId, 'explain', body)
