import express, { Router, type Response } from 'express'
import { PublishRevisionRequest, type RevisionList } from '../../shared/revisions.ts'
import { roleAllows } from '../../shared/permissions.ts'
import { MAX_SYMBOL_LENGTH } from '../../shared/revisions.ts'
import { publishRevision } from '../commands/publishRevision.ts'
import type { AppContext } from '../context.ts'
import { badRequest, forbidden, notFound, payloadTooLarge } from '../errors.ts'
import { refuseUnread } from './importOutcome.ts'
import type { ImportOutcome } from '../revisions/import/ImportWorkers.ts'
import { MAX_IMPORT_BYTES } from '../revisions/import/limits.ts'
import type { DraftJSON } from '../../shared/numbering.ts'
import { loadNegotiation } from './loadNegotiation.ts'
import { parseBody } from './parseBody.ts'
import { sendRevision } from './sendRevision.ts'

const REVISION_ID = /^rev-[0-9a-z]{6,64}$/
/** The draft an import read, or null once its refusal is sent; throws when it was stopped. */
function draftOf(outcome: ImportOutcome, response: Response): DraftJSON | null {
  if (outcome.status === 'imported') return outcome.draft
  refuseUnread(outcome, response)
  return null
}

/** Revisions: list, publish the live draft, import, and read one (DESIGN.md section 7). */
export function revisionRoutes(context: AppContext): Router {
  const router = Router()

  router.get('/negotiations/:nid/revisions', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    const body: RevisionList = { revisions: await context.revisions.list(negotiation.id) }
    response.json(body)
  })

  router.post('/negotiations/:nid/revisions', async (request, response) => {
    const { negotiation, actor, role } = await loadNegotiation(
      context,
      request.params.nid,
      response,
    )
    if (!roleAllows(role, 'publish')) throw forbidden('Only the co-facilitators publish revisions.')
    const { symbol, title } = parseBody(PublishRevisionRequest, request.body)
    const revision = await publishRevision({
      context,
      actor,
      negotiationId: negotiation.id,
      symbol,
      title,
    })
    response.status(201).json(revision)
  })

  router.post(
    '/negotiations/:nid/revisions/import',
    // Read the file whole (bounded) whatever its type: .docx or plain text.
    express.raw({ type: () => true, limit: MAX_IMPORT_BYTES }),
    async (request, response) => {
      const { negotiation, actor, role } = await loadNegotiation(
        context,
        request.params.nid,
        response,
      )
      if (!roleAllows(role, 'publish'))
        throw forbidden('Only the co-facilitators import revisions.')
      const symbol = typeof request.query.symbol === 'string' ? request.query.symbol.trim() : ''
      const title = typeof request.query.title === 'string' ? request.query.title.trim() : ''
      if (!symbol || symbol.length > MAX_SYMBOL_LENGTH)
        throw badRequest('symbol: required, 40 characters at most')
      if (!title) throw badRequest('title: required')
      const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array()
      if (bytes.length === 0) throw badRequest('The file is empty.', 'empty_file')
      if (bytes.length > MAX_IMPORT_BYTES) throw payloadTooLarge('The file is too large.')
      const draft = draftOf(await context.imports.run(bytes), response)
      if (!draft) return
      const revision = await publishRevision({
        context,
        actor,
        negotiationId: negotiation.id,
        symbol,
        title,
        imported: draft,
      })
      response.status(201).json(revision)
    },
  )

  router.get('/negotiations/:nid/revisions/:rid', async (request, response) => {
    const { negotiation } = await loadNegotiation(context, request.params.nid, response)
    if (!REVISION_ID.test(request.params.rid)) throw badRequest('Invalid revision id.')
    const revision = await context.revisions.find(negotiation.id, request.params.rid)
    if (!revision) throw notFound(`No revision ${request.params.rid} in this negotiation.`)
    await sendRevision({ context, negotiation, revision, format: request.query.format, response })
  })

  return router
}
