import { Router } from 'express'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../shared/draft/index.ts'
import { readProposals } from '../collab/proposalRecords.ts'
import type { AppContext } from '../context.ts'
import { readDocument } from '../draft/readDraft.ts'
import { badRequest } from '../errors.ts'
import { buildCompilation } from '../exports/compilation.ts'
import { renderCompilationDocx } from '../exports/compilationDocx.ts'
import { renderCompilationHtml } from '../exports/compilationHtml.ts'
import { delegationNamer, type WordLanguage } from '../exports/word/delegationNames.ts'
import { draftWordDocument } from '../exports/word/draftWordDocument.ts'
import { renderWordDocx } from '../exports/word/renderWordDocx.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { sendDocx, sendHtml } from './sendExport.ts'

const FORMATS = ['html', 'docx'] as const
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The language of a Word export: `lang=fr|en`, else the text's own. */
export function exportLanguage(value: unknown, fallback: WordLanguage): WordLanguage {
  if (value === undefined || value === '') return fallback
  if (value === 'fr' || value === 'en') return value
  throw badRequest('lang: one of fr, en')
}

/**
 * Exports of a negotiation's working documents: the live draft with its open proposals as Word
 * tracked changes, and the compilation of proposals (DESIGN.md 3).
 */
export function exportRoutes(context: AppContext): Router {
  const router = Router()

  router.get('/negotiations/:nid/draft/docx', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const language = exportLanguage(request.query.lang, negotiation.language)
    const doc = await readDocument({
      name: draftRoomName(negotiation.id),
      rooms: context.rooms,
      store: context.store,
    })
    const revisions = await context.revisions.list(negotiation.id)
    const participants = await context.negotiations.participants(negotiation.id)
    const document = draftWordDocument({
      doc,
      records: readProposals(doc),
      author: delegationNamer(participants, language),
      language,
      // The draft is worked on from the last revision: its symbol heads every page.
      symbol: revisions.at(-1)?.symbol ?? negotiation.id,
      title: negotiation.title,
    })
    response.set('Cache-Control', 'no-store')
    sendDocx(response, await renderWordDocx(document), `draft-${negotiation.id}-${language}`)
  })

  router.get('/negotiations/:nid/proposals/compilation', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const { format = 'html', status } = request.query
    const chosen = FORMATS.find((f) => f === format)
    if (!chosen) throw badRequest(`format: one of ${FORMATS.join(', ')}`)
    let statusFilter: ProposalStatus | null = null
    if (status !== undefined && status !== '') {
      statusFilter = PROPOSAL_STATUSES.find((s) => s === status) ?? null
      if (!statusFilter) throw badRequest(`status: one of ${PROPOSAL_STATUSES.join(', ')}`)
    }
    const doc = await readDocument({
      name: draftRoomName(negotiation.id),
      rooms: context.rooms,
      store: context.store,
    })
    const compilation = buildCompilation(
      doc,
      readProposals(doc),
      await context.negotiations.participants(negotiation.id),
      { title: negotiation.title, generatedAt: context.now(), statusFilter },
    )
    response.set('Cache-Control', 'no-store')
    if (chosen === 'docx') {
      response
        .type(DOCX_TYPE)
        // Negotiation ids are [a-z0-9-], so the quoted name needs no escaping.
        .set('Content-Disposition', `attachment; filename="compilation-${negotiation.id}.docx"`)
        .send(await renderCompilationDocx(compilation))
      return
    }
    sendHtml(response, renderCompilationHtml(compilation))
  })

  return router
}
