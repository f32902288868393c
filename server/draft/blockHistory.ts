import type * as Y from 'yjs'
import type { BlockHistory, BlockInRevision } from '../../shared/blockHistory.ts'
import { compareDrafts } from '../../shared/compare/compareDrafts.ts'
import { comparableBlocksOf } from '../../shared/compare/comparableBlocks.ts'
import type { DraftJSON } from '../../shared/numbering.ts'
import type { RevisionSummary } from '../../shared/revisions.ts'
import { readProposals } from '../collab/proposalRecords.ts'
import { draftJSONOf } from './draftJSON.ts'
import { presentProposals } from './presentProposals.ts'

export interface RevisionText {
  summary: RevisionSummary
  content: DraftJSON
}

/**
 * The history of the block `uid` of the live draft, or null if the draft has no such block.
 * A revision's block is found by the comparison's own pairing (uid, then similarity), so that
 * revisions imported from files, which share no uids with the live draft, are followed too.
 */
export function blockHistoryOf(
  doc: Y.Doc,
  uid: string,
  revisions: readonly RevisionText[],
): BlockHistory | null {
  const live = draftJSONOf(doc)
  const current = comparableBlocksOf(live).find((block) => block.uid === uid)
  const proposals = presentProposals(
    doc,
    readProposals(doc).filter((record) => record.blockUid === uid),
  )
  if (!current && proposals.length === 0) return null
  return {
    uid,
    label: current?.label ?? null,
    text: current?.text ?? '',
    proposals,
    revisions: revisions
      .toSorted((a, b) => a.summary.publishedAt.localeCompare(b.summary.publishedAt))
      .map((revision) => inRevision(revision, live, uid)),
  }
}

function inRevision(revision: RevisionText, live: DraftJSON, uid: string): BlockInRevision {
  const { summary } = revision
  const paired = compareDrafts(revision.content, live).paragraphs.find((p) => p.toUid === uid)
  const there =
    paired?.fromUid != null
      ? comparableBlocksOf(revision.content).find((block) => block.uid === paired.fromUid)
      : undefined
  return {
    revisionId: summary.id,
    symbol: summary.symbol,
    publishedAt: summary.publishedAt,
    status: !paired || !there || paired.status === 'inserted' ? 'absent' : statusOf(paired.status),
    label: there?.label ?? null,
    text: there?.text ?? null,
  }
}

const statusOf = (status: string): BlockInRevision['status'] =>
  status === 'changed' || status === 'moved' ? status : 'unchanged'
