import * as Y from 'yjs'
import {
  CO_FACILITATORS_DELETION_MARK,
  CO_FACILITATORS_INSERTION_MARK,
  DRAFT_FRAGMENT,
} from '../../shared/draft/index.ts'

type Delta = { insert: unknown; attributes?: Record<string, unknown> }[]

/**
 * Consolidates the co-facilitators' own edits when a revision is published: the text they
 * typed becomes plain agreed text, the text they struck out goes. In the caller's transaction.
 * Returns how many runs it changed (0: nothing to consolidate).
 */
export function consolidateCoFacilitatorsEdits(doc: Y.Doc): number {
  let changed = 0
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) changed += consolidateText(child)
      else if (child instanceof Y.XmlElement) visit(child)
    }
  }
  visit(doc.getXmlFragment(DRAFT_FRAGMENT))
  return changed
}

function consolidateText(text: Y.XmlText): number {
  const deletions: { index: number; length: number }[] = []
  const formats: { index: number; length: number }[] = []
  let index = 0
  for (const op of text.toDelta() as Delta) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    const attributes = op.attributes ?? {}
    if (CO_FACILITATORS_DELETION_MARK in attributes) deletions.push({ index, length })
    else if (CO_FACILITATORS_INSERTION_MARK in attributes) formats.push({ index, length })
    index += length
  }
  // Formatting first (indices still valid), then deletions from the end backwards.
  for (const { index: at, length } of formats) {
    text.format(at, length, { [CO_FACILITATORS_INSERTION_MARK]: null })
  }
  for (const { index: at, length } of deletions.reverse()) text.delete(at, length)
  return formats.length + deletions.length
}
