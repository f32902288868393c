import { Router } from 'express'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import type * as Y from 'yjs'
import {
  PROPOSAL_STATUSES,
  PROPOSER_PATTERN,
  type ProposalStatus,
} from '../../shared/draft/index.ts'
import { numberLiveDraft } from '../draft/liveNumbering.ts'
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
      editedAt: context.now(),
    })
    response.set('Cache-Control', 'no-store')
    sendDocx(response, await renderWordDocx(document), `draft-${negotiation.id}-${language}`)
  })

  router.get('/negotiations/:nid/proposals/compilation', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const { format = 'html', status, delegation, objective } = request.query
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
    // Filtered like the room's panel: by delegation, and by objective (its number or uid).
    if (
      delegation !== undefined &&
      (typeof delegation !== 'string' || !PROPOSER_PATTERN.test(delegation))
    )
      throw badRequest('delegation: a delegation code, e.g. FRA')
    const objectiveUid = objective === undefined ? null : objectiveUidOf(doc, objective)
    const records = readProposals(doc).filter(
      (record) =>
        (delegation === undefined || record.delegation === delegation) &&
        (objectiveUid === null || record.objectiveUid === objectiveUid),
    )
    const compilation = buildCompilation(
      doc,
      records,
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

/** The uid of the objective a query names by its number (1..n) or its uid; 400 otherwise. */
function objectiveUidOf(doc: Y.Doc, objective: unknown): string {
  if (typeof objective === 'string') {
    for (const [uid, number] of numberLiveDraft(doc)) {
      if (number.kind === 'objective' && (uid === objective || number.numeral === objective))
        return uid
    }
  }
  throw badRequest('objective: the number or uid of an objective of the draft')
}
