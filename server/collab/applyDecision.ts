import * as Y from 'yjs'
import {
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  ProposalRef,
  DRAFT_FRAGMENT,
} from '../../shared/draft/index.ts'
import {
  itemEnds,
  itemIdOf,
  parentAfter,
  savedBlock,
  type SavedBlock,
  reversalStepsOf,
  textRuns,
  type DecisionReversal,
} from '../../shared/draft/reversal.ts'

/**
 * What a decision does to the text. Accepting: proposed insertions become plain text, proposed
 * deletions are removed. Rejecting or withdrawing: the opposite. Everything of the proposal,
 * in every block, in the caller's transaction. Returns what it takes to revert it (see
 * `shared/draft/reversal.ts`), or null when the text holds what is not kept (inline nodes).
 */
export function applyDecisionToText(
  doc: Y.Doc,
  proposalIds: ReadonlySet<string>,
  decision: 'accept' | 'reject',
): DecisionReversal | null {
  const idOf = (value: unknown): string | null => {
    const ref = ProposalRef.safeParse(value)
    return ref.success ? ref.data.proposalId : null
  }
  const isDecided = (value: unknown) => {
    const id = idOf(value)
    return id !== null && proposalIds.has(id)
  }
  const removals: { parent: Y.XmlElement | Y.XmlFragment; element: Y.XmlElement }[] = []
  const touched: { text: Y.XmlText; steps: DecisionReversal['texts'][number]['steps'] }[] = []
  const reversal: DecisionReversal = { texts: [], blockAttributes: [], blocks: [] }
  // Blocks removed whole, kept as they were before anything of the decision touched them.
  const saved = new Map<Y.XmlElement | Y.XmlFragment, { index: number; block: SavedBlock }[]>()
  let isRevertible = true

  const visit = (node: Y.XmlElement | Y.XmlFragment, isRemoved: boolean) => {
    const children = node.toArray()
    for (const child of children) {
      if (child instanceof Y.XmlText) {
        const steps = decideText(child, isDecided, decision)
        // A text inside a removed block comes back with its block.
        if (steps === null) isRevertible = false
        else if (steps.length > 0 && !isRemoved) touched.push({ text: child, steps })
      } else if (child instanceof Y.XmlElement) {
        const insertedBy = child.getAttribute(INSERTED_BY_ATTR)
        const deletedBy = child.getAttribute(DELETED_BY_ATTR)
        const clear = (key: string, value: unknown) => {
          const block = itemIdOf(child)
          if (block) reversal.blockAttributes.push({ block, key, value })
          else isRevertible = false
          child.removeAttribute(key)
        }
        const remove = () => {
          removals.push({ parent: node, element: child })
          if (isRemoved) return
          const block = savedBlock(child)
          if (!block) isRevertible = false
          else {
            const steps = saved.get(node) ?? []
            steps.push({ index: children.indexOf(child), block })
            saved.set(node, steps)
          }
        }
        const isRemovedNow =
          (isDecided(insertedBy) && decision === 'reject') ||
          (isDecided(deletedBy) && decision === 'accept')
        if (isRemovedNow) remove()
        // A block that leaves the text keeps its attributes: it comes back as it was.
        const isKept = !isRemoved && !isRemovedNow
        if (isKept && isDecided(insertedBy) && decision === 'accept') {
          clear(INSERTED_BY_ATTR, insertedBy)
        }
        if (isKept && isDecided(deletedBy) && decision === 'reject') {
          clear(DELETED_BY_ATTR, deletedBy)
        }
        visit(child, isRemoved || isRemovedNow)
      }
    }
  }
  visit(doc.getXmlFragment(DRAFT_FRAGMENT), false)
  for (const { parent, element } of removals) {
    const index = parent.toArray().indexOf(element)
    if (index >= 0) parent.delete(index, 1)
  }
  if (!isRevertible) return null
  for (const [parent, steps] of saved) {
    if (parent instanceof Y.XmlElement && parent._item?.deleted) continue
    reversal.blocks.push({ ...parentAfter(parent), steps })
  }
  for (const { text, steps } of touched) {
    const id = itemIdOf(text)
    const after = textRuns(text)
    if (!id || !after) return null
    reversal.texts.push({ text: id, after, ends: itemEnds(text), steps })
  }
  return reversal
}

/** Decides one text; returns the steps that revert it, or null if it holds an inline node. */
function decideText(
  text: Y.XmlText,
  isDecided: (value: unknown) => boolean,
  decision: 'accept' | 'reject',
): DecisionReversal['texts'][number]['steps'] | null {
  // What the decision does to one run: removes it, or clears some of its marks (kept with
  // their values, to set them again on a revert).
  const verdictOf = (attributes: Record<string, unknown> = {}) => {
    const cleared: Record<string, unknown> = {}
    let isRemoved = false
    for (const [key, value] of Object.entries(attributes)) {
      if (!isDecided(value)) continue
      if (key === INSERTION_MARK) {
        if (decision === 'accept') cleared[key] = value
        else isRemoved = true
      } else if (key.startsWith(DELETION_MARK)) {
        if (decision === 'accept') isRemoved = true
        else cleared[key] = value
      }
    }
    return { isRemoved, cleared }
  }
  const runs = textRuns(text)
  const deletions: { index: number; length: number }[] = []
  const formats: { index: number; length: number; attributes: Record<string, null> }[] = []
  let index = 0
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    const { isRemoved, cleared } = verdictOf(op.attributes)
    if (isRemoved) deletions.push({ index, length })
    else if (Object.keys(cleared).length > 0) {
      const attributes = Object.fromEntries(Object.keys(cleared).map((key) => [key, null]))
      formats.push({ index, length, attributes })
    }
    index += length
  }
  // Formatting first (indices still valid), then deletions from the end backwards.
  for (const { index: at, length, attributes } of formats) text.format(at, length, attributes)
  for (const { index: at, length } of deletions.reverse()) text.delete(at, length)
  return runs && reversalStepsOf(runs, (run) => verdictOf(run.attributes))
}
