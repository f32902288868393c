import { draftJSONOf } from '../draft/draftJSON.ts'
import { numberingBaseOf } from '../draft/liveNumbering.ts'
import { Router } from 'express'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { compareDrafts } from '../../shared/compare/index.ts'
import type { DraftJSON } from '../../shared/numbering.ts'
import type { AppContext } from '../context.ts'
import { readDocument } from '../draft/readDraft.ts'
import { badRequest, notFound } from '../errors.ts'
import { renderDocumentDocx } from '../exports/documentDocx.ts'
import { renderDocumentHtml } from '../exports/documentHtml.ts'
import { comparisonDocument } from '../exports/exportDocument.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { sendDocx, sendHtml } from './sendExport.ts'

const REVISION_ID = /^rev-[0-9a-z]{6,64}$/

/** `GET /api/negotiations/:nid/compare?from=<rid>&to=<rid|live>&format=json|html|docx`. */
export function compareRoutes(context: AppContext): Router {
  const router = Router()

  router.get('/negotiations/:nid/compare', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const { from, to } = request.query
    const format = request.query.format ?? 'json'
    if (typeof from !== 'string' || typeof to !== 'string') {
      throw badRequest('from and to: a revision id each (to may be "live")')
    }
    if (format !== 'json' && format !== 'html' && format !== 'docx') {
      throw badRequest('format: one of json, html, docx')
    }
    const side = async (id: string) => {
      if (id === 'live') {
        const doc = await readDocument({
          name: draftRoomName(negotiation.id),
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
      const revision = await context.revisions.find(negotiation.id, id)
      if (!revision) throw notFound(`No revision ${id} in this negotiation.`)
      return {
        label: revision.summary.symbol,
        document: JSON.parse(revision.contentJson) as DraftJSON,
        at: new Date(revision.summary.publishedAt),
        base: {},
      }
    }
    const [fromSide, toSide] = [await side(from), await side(to)]
    const comparison = compareDrafts(fromSide.document, toSide.document, {
      from: fromSide.base,
      to: toSide.base,
    })
    const labels = { from: fromSide.label, to: toSide.label }
    if (format === 'json') {
      response.json({ from, to, labels, ...comparison })
      return
    }
    const document = comparisonDocument({
      negotiation,
      labels,
      comparison,
      now: context.now(),
      changedAt: toSide.at,
    })
    if (format === 'html') sendHtml(response, renderDocumentHtml(document))
    else
      sendDocx(
        response,
        await renderDocumentDocx(document),
        `${negotiation.id}-${labels.from}-${labels.to}`,
      )
  })

  return router
}
