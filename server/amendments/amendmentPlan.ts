/**
 * What importing a Word document will do, paragraph by paragraph: the preview shows it, and
 * applying it writes exactly the changes marked `create`.
 */

export type PlacedBy = 'uid' | 'text'

/** One tracked change of the file that becomes (or would become) one proposal. */
export interface PlannedChange {
  kind: 'text' | 'newBlock' | 'blockDeletion'
  /** The Word author and the delegation it is imported as. */
  author: string
  delegation: string
  /** Text proposed for insertion, and for deletion. */
  inserted: string
  deleted: string
  rationale: string
  status: 'create' | 'alreadyProposed' | 'notPlaced'
  /** Why it is not placed, in plain words. */
  reason: string | null
  placedBy: PlacedBy | null
  /** Where, in the live block's text: insertions at `at`, deletions over their ranges. */
  edits: { at: number; insert: string; deleteLength: number }[]
  /** The block changed, or for a new block the block it follows. */
  blockUid: string | null
  /** For a new block: its node type. */
  blockType: string | null
}

export interface PlannedParagraph {
  index: number
  blockUid: string | null
  placedBy: PlacedBy | null
  changes: PlannedChange[]
  /** Edits made without track changes, which an import never applies. */
  untrackedEdits: boolean
}

export interface AmendmentCounts {
  placedByUid: number
  placedByText: number
  notPlaced: number
  alreadyProposed: number
}

export interface AmendmentPlan {
  paragraphs: PlannedParagraph[]
  counts: AmendmentCounts
}

export function countChanges(paragraphs: readonly PlannedParagraph[]): AmendmentCounts {
  const counts = { placedByUid: 0, placedByText: 0, notPlaced: 0, alreadyProposed: 0 }
  for (const change of paragraphs.flatMap((p) => p.changes)) {
    if (change.status === 'notPlaced') counts.notPlaced += 1
    else if (change.status === 'alreadyProposed') counts.alreadyProposed += 1
    else if (change.placedBy === 'uid') counts.placedByUid += 1
    else counts.placedByText += 1
  }
  return counts
}
