import { draftRoomName } from '../../shared/collabProtocol.ts'
import type { DraftJSON, NumberingBase } from '../../shared/numbering.ts'
import type { AppContext } from '../context.ts'
import { badRequest, notFound } from '../errors.ts'
import { draftJSONOf } from './draftJSON.ts'
import { numberingBaseOf } from './liveNumbering.ts'
import { readDocument } from './readDraft.ts'

const REVISION_ID = /^rev-[0-9a-z]{6,64}$/

/** One text of a comparison or concordance: a revision, or the live draft now. */
export interface ComparedText {
  label: string
  document: DraftJSON
  /** When it was published; now for the live draft. */
  at: Date
  /** What its numbers are consolidated against (the live draft: its last revision). */
  base: NumberingBase
}

/** Reads `id` ("live" or a revision of this negotiation) as a side of a comparison. */
export async function readComparedText(
  context: AppContext,
  negotiationId: string,
  id: string,
): Promise<ComparedText> {
  if (id === 'live') {
    const doc = await readDocument({
      name: draftRoomName(negotiationId),
      rooms: context.rooms,
      store: context.store,
    })
    return {
      label: 'live',
      document: draftJSONOf(doc),
      at: context.now(),
      base: numberingBaseOf(doc),
    }
  }
  if (!REVISION_ID.test(id)) throw badRequest(`Invalid revision id "${id}".`)
  // Revisions are looked up within this negotiation: another negotiation's id is unknown here.
  const revision = await context.revisions.find(negotiationId, id)
  if (!revision) throw notFound(`No revision ${id} in this negotiation.`)
  return {
    label: revision.summary.symbol,
    document: JSON.parse(revision.contentJson) as DraftJSON,
    at: new Date(revision.summary.publishedAt),
    base: {},
  }
}

/** The `from` and `to` of a query, checked: a revision id each, `to` may be "live". */
export function comparedIdsOf(query: Record<string, unknown>): { from: string; to: string } {
  const { from, to } = query
  if (typeof from !== 'string' || typeof to !== 'string') {
    throw badRequest('from and to: a revision id each (to may be "live")')
  }
  return { from, to }
}
