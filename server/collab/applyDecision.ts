import * as Y from 'yjs'
import {
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  ProposalRef,
  DRAFT_FRAGMENT,
} from '../../shared/draft/index.ts'

/**
 * What a decision does to the text. Accepting: proposed insertions become plain text, proposed
 * deletions are removed. Rejecting or withdrawing: the opposite. Everything of the proposal,
 * in every block, in the caller's transaction.
 */
export function applyDecisionToText(
  doc: Y.Doc,
  proposalIds: ReadonlySet<string>,
  decision: 'accept' | 'reject',
): void {
  const idOf = (value: unknown): string | null => {
    const ref = ProposalRef.safeParse(value)
    return ref.success ? ref.data.proposalId : null
  }
  const isDecided = (value: unknown) => {
    const id = idOf(value)
    return id !== null && proposalIds.has(id)
  }
  const removals: { parent: Y.XmlElement | Y.XmlFragment; element: Y.XmlElement }[] = []

  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        decideText(child, isDecided, decision)
      } else if (child instanceof Y.XmlElement) {
        const insertedBy = child.getAttribute(INSERTED_BY_ATTR)
        const deletedBy = child.getAttribute(DELETED_BY_ATTR)
        if (isDecided(insertedBy)) {
          if (decision === 'accept') child.removeAttribute(INSERTED_BY_ATTR)
          else removals.push({ parent: node, element: child })
        }
        if (isDecided(deletedBy)) {
          if (decision === 'accept') removals.push({ parent: node, element: child })
          else child.removeAttribute(DELETED_BY_ATTR)
        }
        visit(child)
      }
    }
  }
  visit(doc.getXmlFragment(DRAFT_FRAGMENT))
  for (const { parent, element } of removals) {
    const index = parent.toArray().indexOf(element)
    if (index >= 0) parent.delete(index, 1)
  }
}

function decideText(
  text: Y.XmlText,
  isDecided: (value: unknown) => boolean,
  decision: 'accept' | 'reject',
): void {
  const deletions: { index: number; length: number }[] = []
  const formats: { index: number; length: number; attributes: Record<string, null> }[] = []
  let index = 0
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    const attributes = op.attributes ?? {}
    const cleared: Record<string, null> = {}
    let isRemoved = false
    for (const [key, value] of Object.entries(attributes)) {
      if (!isDecided(value)) continue
      if (key === INSERTION_MARK) {
        if (decision === 'accept') cleared[key] = null
        else isRemoved = true
      } else if (key.startsWith(DELETION_MARK)) {
        if (decision === 'accept') isRemoved = true
        else cleared[key] = null
      }
    }
    if (isRemoved) deletions.push({ index, length })
    else if (Object.keys(cleared).length > 0) formats.push({ index, length, attributes: cleared })
    index += length
  }
  // Formatting first (indices still valid), then deletions from the end backwards.
  for (const { index: at, length, attributes } of formats) text.format(at, length, attributes)
  for (const { index: at, length } of deletions.reverse()) text.delete(at, length)
}
