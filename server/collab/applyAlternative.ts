import * as Y from 'yjs'
import type { ProposalRecord } from '../../shared/draft/index.ts'
import { conflict } from '../errors.ts'
import { findBlock, isAdRefElement } from '../draft/adReferendum.ts'
import { holdsProposal } from '../draft/blockProposals.ts'

/** The paragraph's text as a reader sees it, every run of every text of the block. */
export function blockText(block: Y.XmlElement): string {
  return block
    .toArray()
    .filter((child): child is Y.XmlText => child instanceof Y.XmlText)
    .map((text) =>
      (text.toDelta() as { insert: unknown }[])
        .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
        .join(''),
    )
    .join('')
}

/**
 * The block an alternative replaces, refused (409) when it can no longer take it as one
 * decision: gone, agreed ad referendum since, or holding proposals in its text (they would be
 * decided by being overwritten).
 */
export function blockForAlternative(doc: Y.Doc, record: ProposalRecord): Y.XmlElement {
  const block = record.blockUid ? findBlock(doc, record.blockUid) : null
  if (!block) {
    throw conflict('The paragraph of this alternative is no longer in the draft.', 'block_gone')
  }
  if (isAdRefElement(block)) {
    throw conflict(
      'This paragraph is agreed ad referendum: reopen it before accepting an alternative.',
      'ad_ref',
    )
  }
  if (holdsProposal(block)) {
    throw conflict(
      'Decide the proposals in this paragraph before accepting an alternative to it.',
      'open_proposals',
    )
  }
  return block
}

/**
 * Accepting an alternative: the block keeps its identity (uid, attributes, its Yjs text) and its
 * text becomes the alternative's wording, plain. In the caller's server transaction. Returns
 * the text it replaced, for the record's history.
 */
export function replaceBlockText(block: Y.XmlElement, wording: string): string {
  const before = blockText(block)
  const texts = block.toArray().filter((child) => child instanceof Y.XmlText)
  const kept = texts[0]
  // Anything but the first text (none in the schema today) goes with the old wording.
  for (let index = block.length - 1; index >= 0; index--) {
    if (block.get(index) !== kept) block.delete(index, 1)
  }
  if (kept) {
    kept.delete(0, kept.length)
    // Explicitly no formatting: marks left at the start of the deleted runs are not inherited.
    kept.insert(0, wording, {})
  } else {
    block.insert(0, [new Y.XmlText(wording)])
  }
  return before
}
