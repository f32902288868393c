import { createHash } from 'node:crypto'
import express, { Router } from 'express'
import { z } from 'zod'
import { applyWordAmendments, previewWordAmendments } from '../commands/importWordAmendments.ts'
import type { AppContext } from '../context.ts'
import { badRequest, forbidden, payloadTooLarge } from '../errors.ts'
import { MAX_IMPORT_BYTES } from '../revisions/import/limits.ts'
import { roleAllows } from '../../shared/permissions.ts'
import { refuseUnread } from './importOutcome.ts'
import { loadNegotiation } from './loadNegotiation.ts'

/** `?authors={"Word author":"MAR"}`: which delegation each Word author stands for. */
const AuthorMapping = z.record(z.string().max(200), z.string().regex(/^[A-Z]{3}$/))

function mappingOf(value: unknown): Record<string, string> {
  if (value === undefined || value === '') return {}
  if (typeof value !== 'string')
    throw badRequest('authors: a JSON object, Word author → delegation code')
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    throw badRequest('authors: a JSON object, Word author → delegation code')
  }
  const mapping = AuthorMapping.safeParse(parsed)
  if (!mapping.success) throw badRequest('authors: a JSON object, Word author → delegation code')
  return mapping.data
}

/**
 * A delegation's Word document edited with track changes, back into the draft (issue 13):
 * `POST .../amendments/preview` says what would be created, paragraph by paragraph, and writes
 * nothing; `POST .../amendments/apply` creates the proposals. The body is the .docx itself.
 */
export function amendmentRoutes(context: AppContext): Router {
  const router = Router()

  router.post(
    '/negotiations/:nid/amendments/:step',
    express.raw({ type: () => true, limit: MAX_IMPORT_BYTES }),
    async (request, response) => {
      const { step } = request.params
      if (step !== 'preview' && step !== 'apply') throw badRequest('step: preview or apply')
      const { negotiation, actor, role } = await loadNegotiation(
        context,
        request.params.nid,
        response,
      )
      if (!roleAllows(role, 'propose')) {
        throw forbidden('Only the co-facilitators and delegations import Word amendments.')
      }
      const mapping = mappingOf(request.query.authors)
      const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array()
      if (bytes.length === 0) throw badRequest('The file is empty.', 'empty_file')
      if (bytes.length > MAX_IMPORT_BYTES) throw payloadTooLarge('The file is too large.')
      // Read in a worker thread, with the revision import's time, memory and size limits.
      const outcome = await context.imports.run(bytes, 'amendments')
      if (outcome.status !== 'amendments') {
        refuseUnread(outcome, response)
        return
      }
      const importRequest = {
        context,
        actor,
        role,
        negotiationId: negotiation.id,
        amendments: outcome.amendments,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        mapping,
      }
      if (step === 'preview') response.json(await previewWordAmendments(importRequest))
      else response.status(201).json(await applyWordAmendments(importRequest))
    },
  )

  return router
}
