import { DRAFT_FRAGMENT } from '../../shared/draft/index.ts'
import { draftJSONOf } from '../draft/draftJSON.ts'
import { createHash } from 'node:crypto'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { DraftJSON } from '../../shared/numbering.ts'
import type { RevisionSummary } from '../../shared/revisions.ts'
import { currentRoundOf } from '../../shared/rounds.ts'
import { draftSchema, newUid } from '../../shared/schema/index.ts'
import type { Actor } from '../auth/Actor.ts'
import type { AppContext } from '../context.ts'
import { consolidateCoFacilitatorsEdits } from '../collab/consolidateEdits.ts'
import { recordLastRevision } from '../draft/liveNumbering.ts'
import { withDraftRoom } from './proposalCommands.ts'
import { conflict } from '../errors.ts'
import { isUniqueViolation } from '../storage/isUniqueViolation.ts'

/** SHA-256 of a revision's content, over its JSON as stored. */
export const contentHash = (contentJson: string): string =>
  createHash('sha256').update(contentJson).digest('hex')

/**
 * Publishes a revision: the live draft as it is committed now (from: 'live'), or an imported
 * text. The revision is immutable; publishing reads the draft and interrupts nobody's editing.
 */
export async function publishRevision(props: {
  context: AppContext
  actor: Actor | null
  negotiationId: string
  symbol: string
  title: string
  imported?: DraftJSON
}): Promise<RevisionSummary> {
  const { context, negotiationId, symbol } = props
  if (await context.revisions.symbolExists(negotiationId, symbol)) {
    throw conflict(`A revision "${symbol}" is already published.`, 'symbol_taken')
  }
  let content: DraftJSON
  let yjsState: Uint8Array
  if (props.imported) {
    const node = draftSchema.nodeFromJSON(props.imported)
    node.check()
    content = node.toJSON() as DraftJSON
    yjsState = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, content, DRAFT_FRAGMENT))
  } else {
    ;({ content, yjsState } = await withDraftRoom(context, negotiationId, (room) => {
      // The co-facilitators' edits since the last revision become agreed text in the live
      // draft, and so in the revision. A frozen draft is not touched: only the revision is.
      const doc = context.silence.isFrozen(negotiationId) ? copyOf(room.doc) : room.doc
      if (doc === room.doc) room.transactAsServer(() => consolidateCoFacilitatorsEdits(doc))
      else consolidateCoFacilitatorsEdits(doc)
      return { content: draftJSONOf(doc), yjsState: Y.encodeStateAsUpdate(doc) }
    }))
  }
  const contentJson = JSON.stringify(content)
  const id = `rev-${newUid()}`
  const now = context.now()
  const round = currentRoundOf(await context.rounds.list(negotiationId), now)
  await insertOrConflict(context, symbol, {
    id,
    negotiation_id: negotiationId,
    symbol,
    title: props.title,
    published_at: now.toISOString(),
    author_user_id: props.actor?.userId ?? null,
    author_name: props.actor?.displayName ?? 'Draftroom',
    source: props.imported ? 'import' : 'live',
    content_json: contentJson,
    yjs_state: Buffer.from(yjsState),
    content_hash: contentHash(contentJson),
    round_id: round?.id ?? null,
  })
  // Published from the draft, the revision consolidates its numbering (an imported text is
  // not the draft's: its blocks are not the draft's blocks).
  if (!props.imported) {
    await withDraftRoom(context, negotiationId, (room) =>
      room.transactAsServer(() => recordLastRevision(room.doc, symbol, content)),
    )
  }
  await context.audit.record({
    negotiationId,
    actor: props.actor,
    action: props.imported ? 'revision.imported' : 'revision.published',
    details: { id, symbol },
  })
  const revision = await context.revisions.find(negotiationId, id)
  if (!revision) throw new Error(`revision ${id} vanished`)
  return revision.summary
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

// The symbol check above and the insert are two steps; the unique index decides a race.
async function insertOrConflict(
  context: AppContext,
  symbol: string,
  row: Parameters<AppContext['revisions']['insert']>[0],
): Promise<void> {
  try {
    await context.revisions.insert(row)
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A revision "${symbol}" is already published.`, 'symbol_taken')
    }
    throw error
  }
}
