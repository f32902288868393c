import { ParagraphStatusResponse, type ParagraphStatus } from '../../../shared/adReferendum.ts'
import { sendJson } from './fetchJson.ts'

/** Marks a paragraph or action agreed ad referendum, or reopens it (co-facilitators). */
export const setParagraphStatus = (
  negotiationId: string,
  uid: string,
  status: ParagraphStatus,
): Promise<ParagraphStatusResponse> =>
  sendJson(
    'POST',
    `/api/negotiations/${encodeURIComponent(negotiationId)}/blocks/${encodeURIComponent(uid)}/status`,
    { status },
    ParagraphStatusResponse,
  )
