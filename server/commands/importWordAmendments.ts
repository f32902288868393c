import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import { proposalsMap, readProposal, recordNewProposals } from '../collab/proposalRecords.ts'
import { roleAllows, type Role } from '../../shared/permissions.ts'
import type { Actor } from '../auth/Actor.ts'
import type { AppContext } from '../context.ts'
import { conflict, forbidden, unprocessable } from '../errors.ts'
import { judgeDraftChange } from '../policies/draftChange.ts'
import type { AmendmentPlan } from '../amendments/amendmentPlan.ts'
import { liveBlocksOf } from '../amendments/liveBlocks.ts'
import { planAmendments } from '../amendments/planAmendments.ts'
import { authorsOf, resolveAuthors, type WordAuthor } from '../amendments/wordAuthors.ts'
import type { WordAmendments } from '../amendments/wordAmendments.ts'
import { writeAmendments } from '../amendments/writeAmendments.ts'
import { withDraftRoom } from './proposalCommands.ts'

/** What the preview shows, and what applying answers with the proposals it created. */
export interface AmendmentReport extends AmendmentPlan {
  sha256: string
  authors: WordAuthor[]
  /** Authors whose delegation the request must say before anything is applied. */
  needsMapping: boolean
  created: { proposalId: string; delegation: string }[]
}

interface ImportRequest {
  context: AppContext
  actor: Actor
  role: Role | null
  negotiationId: string
  amendments: WordAmendments
  sha256: string
  mapping: Record<string, string>
}

function importerOf(actor: Actor, role: Role | null): string | null {
  if (role === 'coFacilitator') return null
  if (role === 'delegation' && actor.delegation && roleAllows(role, 'propose'))
    return actor.delegation
  throw forbidden('Only the co-facilitators and delegations import Word amendments.')
}

async function authorsFor(request: ImportRequest): Promise<WordAuthor[]> {
  const { delegations } = await request.context.negotiations.participants(request.negotiationId)
  return resolveAuthors({
    authors: authorsOf(request.amendments),
    delegations,
    importer: importerOf(request.actor, request.role),
    mapping: request.mapping,
  })
}

const authorMapOf = (authors: readonly WordAuthor[]) => {
  const map = new Map(authors.flatMap((a) => (a.delegation ? [[a.author, a.delegation]] : [])))
  return (author: string) => map.get(author) ?? null
}

/** What importing the file would create, paragraph by paragraph; writes nothing. */
export async function previewWordAmendments(request: ImportRequest): Promise<AmendmentReport> {
  const authors = await authorsFor(request)
  const plan = await withDraftRoom(request.context, request.negotiationId, (room) =>
    planAmendments({
      amendments: request.amendments,
      blocks: liveBlocksOf(room.doc),
      authorMap: authorMapOf(authors),
    }),
  )
  return {
    ...plan,
    sha256: request.sha256,
    authors,
    needsMapping: authors.some((a) => a.reason === 'unmapped'),
    created: [],
  }
}

/**
 * Creates the file's tracked changes as proposals in the live draft, one delegation at a time:
 * each delegation's changes are one update judged as that delegation's live edit would be (it
 * only proposes, in its own name), under the importing user's client ids; then their records,
 * Word comments as rationales, and an audit entry per proposal naming the file's SHA-256.
 */
export async function applyWordAmendments(request: ImportRequest): Promise<AmendmentReport> {
  const { context, actor, negotiationId } = request
  const authors = await authorsFor(request)
  const unmapped = authors.filter((a) => a.reason === 'unmapped').map((a) => `"${a.author}"`)
  if (unmapped.length > 0) {
    throw unprocessable(
      `The file has tracked changes by Word authors no delegation is given for: ${unmapped.join(', ')}. Say which delegation each one is.`,
      'authors_unmapped',
    )
  }
  if (context.silence.isFrozen(negotiationId)) {
    throw conflict('The text is frozen: a silence procedure runs, or it was adopted.', 'frozen')
  }
  const authorMap = authorMapOf(authors)
  const delegations = [...new Set(authors.flatMap((a) => (a.delegation ? [a.delegation] : [])))]
  const created: AmendmentReport['created'] = []
  const rationales = new Map<string, string>()
  const plan = await withDraftRoom(context, negotiationId, (room) => {
    const planNow = () =>
      planAmendments({
        amendments: request.amendments,
        blocks: liveBlocksOf(room.doc),
        authorMap,
      })
    const first = planNow()
    for (const delegation of delegations) {
      // Planned again after each delegation: the previous one's text moved the positions.
      const changes = planNow()
        .paragraphs.flatMap((p) => p.changes)
        .filter((c) => c.status === 'create' && c.delegation === delegation)
        .map((change) => ({ change, ref: { proposalId: `word-${randomUUID()}`, delegation } }))
      if (changes.length === 0) continue
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
      const before = Y.encodeStateVector(room.doc)
      writeAmendments(copy, changes)
      const update = Y.encodeStateAsUpdate(copy, before)
      copy.destroy()
      const writer = { role: 'delegation' as const, delegation }
      const outcome = room.receiveImported(update, {
        writer: actor.userId,
        judge: (change) => judgeDraftChange(change, writer, (id) => readProposal(room.doc, id)),
      })
      if (outcome.status !== 'applied') {
        const why = outcome.status === 'refused' ? outcome.refusal.message : outcome.status
        throw unprocessable(
          `The amendments of ${delegation} were refused: ${why}`,
          'amendments_refused',
        )
      }
      const records = recordNewProposals({
        doc: room.doc,
        changes: outcome.changes,
        author: { userId: actor.userId, name: actor.displayName },
        now: context.now(),
        transact: (write) => room.transactAsServer(write),
      })
      for (const { change, ref } of changes) {
        if (change.rationale) rationales.set(ref.proposalId, change.rationale)
      }
      for (const record of records)
        created.push({ proposalId: record.id, delegation: record.delegation })
    }
    if (rationales.size > 0) {
      room.transactAsServer(() => {
        for (const [id, rationale] of rationales) {
          const record = readProposal(room.doc, id)
          if (record) proposalsMap(room.doc).set(id, { ...record, rationale })
        }
      })
    }
    return first
  })
  for (const { proposalId, delegation } of created) {
    await context.audit.record({
      negotiationId,
      actor,
      action: 'proposal.imported',
      details: { proposalId, delegation, from: 'docx', sha256: request.sha256 },
    })
  }
  return { ...plan, sha256: request.sha256, authors, needsMapping: false, created }
}
