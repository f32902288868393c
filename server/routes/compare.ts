import { Router } from 'express'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { compareDrafts } from '../../shared/compare/index.ts'
import { concordanceRowsOf, type Concordance } from '../../shared/concordance.ts'
import { readProposals } from '../collab/proposalRecords.ts'
import type { AppContext } from '../context.ts'
import { acceptedChangesBetween } from '../draft/acceptedChanges.ts'
import { comparedIdsOf, readComparedText } from '../draft/comparedText.ts'
import { readDocument } from '../draft/readDraft.ts'
import { badRequest } from '../errors.ts'
import { renderConcordanceDocx } from '../exports/concordanceDocx.ts'
import { renderConcordanceHtml } from '../exports/concordanceHtml.ts'
import { renderDocumentDocx } from '../exports/documentDocx.ts'
import { renderDocumentHtml } from '../exports/documentHtml.ts'
import { comparisonDocument } from '../exports/exportDocument.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { sendDocx, sendHtml } from './sendExport.ts'

function formatOf(query: Record<string, unknown>): 'json' | 'html' | 'docx' {
  const format = query.format ?? 'json'
  if (format !== 'json' && format !== 'html' && format !== 'docx') {
    throw badRequest('format: one of json, html, docx')
  }
  return format
}

/**
 * `GET /api/negotiations/:nid/compare?from=<rid>&to=<rid|live>&format=json|html|docx` and
 * `GET .../concordance` with the same query.
 */
export function compareRoutes(context: AppContext): Router {
  const router = Router()

  router.get('/negotiations/:nid/compare', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const { from, to } = comparedIdsOf(request.query)
    const format = formatOf(request.query)
    const fromSide = await readComparedText(context, negotiation.id, from)
    const toSide = await readComparedText(context, negotiation.id, to)
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

  router.get('/negotiations/:nid/concordance', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const { from, to } = comparedIdsOf(request.query)
    const format = formatOf(request.query)
    const fromSide = await readComparedText(context, negotiation.id, from)
    const toSide = await readComparedText(context, negotiation.id, to)
    const live = await readDocument({
      name: draftRoomName(negotiation.id),
      rooms: context.rooms,
      store: context.store,
    })
    const changedBy = acceptedChangesBetween(readProposals(live), {
      from: fromSide.at,
      to: toSide.at,
    })
    const concordance: Concordance = {
      from,
      to,
      labels: { from: fromSide.label, to: toSide.label },
      rows: concordanceRowsOf(fromSide.document, toSide.document, changedBy),
    }
    if (format === 'json') {
      response.json(concordance)
      return
    }
    const paper = { negotiation, concordance, date: context.now() }
    const name = `${negotiation.id}-concordance-${concordance.labels.from}-${concordance.labels.to}`
    if (format === 'html') sendHtml(response, renderConcordanceHtml(paper))
    else sendDocx(response, await renderConcordanceDocx(paper), name)
  })

  return router
}
