import * as Y from 'yjs'
import { z } from 'zod'
import { DRAFT_FRAGMENT } from './names.ts'

/**
 * What a single decision keeps so that it can be taken back (issue 14), and the one rule that
 * says whether it still can, shared by the server (which enforces it) and the editor (which
 * shows why the button is off).
 *
 * "Built on", conservatively: a decision can be reverted only while every paragraph text it
 * touched reads exactly as the decision left it (same characters, same marks) and holds no
 * item made since (nothing typed, formatted or decided there, even if undone), and every block
 * whose attribute it cleared is still there without that attribute. Any later keystroke,
 * proposal, mark or decision in one of those paragraphs counts as building on it, even one
 * that does not overlap the decided words: the decision is then part of a text others have
 * worked on, and taking it back would rewrite their context. Kept per text by the Yjs identity
 * of the text itself (its item id), so that it survives reloads and compaction.
 */

const ItemId = z.object({ client: z.number().int(), clock: z.number().int() })

const DeltaRun = z.object({
  insert: z.string(),
  attributes: z.record(z.string(), z.unknown()).optional(),
})
type DeltaRun = z.infer<typeof DeltaRun>

/** One step back, at an index of the text as it was before the decision. */
const TextStep = z.union([
  /** Text the decision removed: inserted again with every mark it had. */
  z.object({
    index: z.number().int(),
    insert: z.string(),
    attributes: z.record(z.string(), z.unknown()),
  }),
  /** Marks the decision cleared: set again. */
  z.object({
    index: z.number().int(),
    length: z.number().int(),
    format: z.record(z.string(), z.unknown()),
  }),
])

/** A block as it was, to be made again whole: its attributes, its texts and its blocks. */
export type SavedBlock = {
  nodeName: string
  attributes: Record<string, unknown>
  children: ({ runs: DeltaRun[] } | SavedBlock)[]
}
const SavedBlock: z.ZodType<SavedBlock> = z.lazy(() =>
  z.object({
    nodeName: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    children: z.array(z.union([z.object({ runs: z.array(DeltaRun) }), SavedBlock])),
  }),
)

export const DecisionReversal = z.object({
  texts: z.array(
    z.object({
      /** The Yjs id of the paragraph text (its item). */
      text: ItemId,
      /** The text as the decision left it: what "nothing built on it" compares with. */
      after: z.array(DeltaRun),
      /**
       * Per Yjs client, the end of the clocks of the text's items once decided: an item past
       * it was made later (typed, formatted or decided since), even if it is gone again.
       */
      ends: z.record(z.string(), z.number().int()),
      steps: z.array(TextStep),
    }),
  ),
  blockAttributes: z.array(z.object({ block: ItemId, key: z.string(), value: z.unknown() })),
  /**
   * Whole blocks the decision removed, per parent (null: the draft's root): the parent's
   * children as the decision left them, and the blocks to put back, at their indices before
   * the decision, ascending.
   */
  blocks: z
    .array(
      z.object({
        parent: ItemId.nullable(),
        after: z.array(ItemId),
        ends: z.record(z.string(), z.number().int()),
        steps: z.array(z.object({ index: z.number().int(), block: SavedBlock })),
      }),
    )
    .default([]),
})
export type DecisionReversal = z.infer<typeof DecisionReversal>

/** Why a decision cannot be taken back; the codes are the API's (409). */
export type ReversalObstacle = 'not_decided' | 'not_revertible' | 'built_on'

/** A text's runs; null when it holds anything but text (an inline node: not reverted). */
export function textRuns(text: Y.XmlText): DeltaRun[] | null {
  const runs: DeltaRun[] = []
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') return null
    const attributes = op.attributes && Object.keys(op.attributes).length > 0 ? op.attributes : null
    const last = runs.at(-1)
    // Within a transaction Yjs may still split a run at format items it will clean up later:
    // runs are merged so that a text reads the same before and after that clean-up.
    if (last && isSameValue(last.attributes ?? null, attributes)) last.insert += op.insert
    else runs.push(attributes ? { insert: op.insert, attributes } : { insert: op.insert })
  }
  return runs
}

/** Per Yjs client, the end of the clocks of a text's items, tombstones included. */
export function itemEnds(type: { _start: Y.Item | null }): Record<string, number> {
  const ends: Record<string, number> = {}
  for (let item = type._start; item !== null; item = item.right) {
    const end = item.id.clock + item.length
    ends[item.id.client] = Math.max(ends[item.id.client] ?? 0, end)
  }
  return ends
}

/** Whether a text or a block's children hold an item made after `ends` was read. */
function hasLaterItem(type: { _start: Y.Item | null }, ends: Record<string, number>): boolean {
  for (let item = type._start; item !== null; item = item.right) {
    if (item.id.clock + item.length > (ends[item.id.client] ?? 0)) return true
  }
  return false
}

/** Structural equality of JSON values, whatever the order of object keys. */
function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (aKeys.length !== bKeys.length) return false
  return aKeys.every((k) =>
    isSameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  )
}

/** The live type an item id names, or null if it is gone (deleted, or never there). */
function typeAt(doc: Y.Doc, id: { client: number; clock: number }): Y.AbstractType<unknown> | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null
  const item = Y.getItem(doc.store, Y.createID(id.client, id.clock))
  if (!(item instanceof Y.Item) || item.deleted || !(item.content instanceof Y.ContentType)) {
    return null
  }
  return item.content.type
}

/** The Yjs id of a type's item (what `reversal` names it by); null for a root. */
const itemIdOf = (type: { _item: Y.Item | null }): { client: number; clock: number } | null =>
  type._item ? { client: type._item.id.client, clock: type._item.id.clock } : null

/**
 * Whether the decision that `reversal` records can be taken back in `doc` now: null if it
 * can, else why not.
 */
export function reversalObstacle(
  doc: Y.Doc,
  status: string,
  reversal: DecisionReversal | undefined,
): ReversalObstacle | null {
  if (status !== 'accepted' && status !== 'rejected') return 'not_decided'
  if (!reversal) return 'not_revertible'
  for (const { text, after, ends } of reversal.texts) {
    const live = typeAt(doc, text)
    if (!(live instanceof Y.XmlText) || hasLaterItem(live, ends)) return 'built_on'
    // Deleting text makes no item: the reading catches what was removed since.
    const runs = textRuns(live)
    if (!runs || !isSameValue(runs, after)) return 'built_on'
  }
  for (const { block } of reversal.blockAttributes) {
    if (!(typeAt(doc, block) instanceof Y.XmlElement)) return 'built_on'
  }
  for (const { parent, after, ends } of reversal.blocks) {
    const live = parentAt(doc, parent)
    if (!live || hasLaterItem(live, ends)) return 'built_on'
    if (!isSameValue(childIds(live), after)) return 'built_on'
  }
  // An attribute set again since (the block re-proposed) is checked after the texts: a block
  // whose attribute changed had a transaction of its own on it.
  for (const { block, key } of reversal.blockAttributes) {
    const element = typeAt(doc, block) as Y.XmlElement
    if (element.getAttribute(key) !== undefined) return 'built_on'
  }
  return null
}

/** Takes the decision back, in the caller's transaction; `reversalObstacle` must be null. */
export function applyReversal(doc: Y.Doc, reversal: DecisionReversal): void {
  for (const { text, steps } of reversal.texts) {
    const live = typeAt(doc, text) as Y.XmlText
    // Ascending, at indices of the text before the decision: each step restores what lies
    // before the next one, so its index is right when its turn comes.
    for (const step of steps) {
      if ('insert' in step) live.insert(step.index, step.insert, step.attributes)
      else live.format(step.index, step.length, step.format)
    }
  }
  for (const { block, key, value } of reversal.blockAttributes) {
    const element = typeAt(doc, block) as Y.XmlElement
    // y-prosemirror stores object attributes; Yjs's typings only know strings.
    element.setAttribute(key, value as string)
  }
  for (const { parent, steps } of reversal.blocks) {
    const live = parentAt(doc, parent) as Y.XmlElement | Y.XmlFragment
    for (const { index, block } of steps) live.insert(index, [rebuilt(block)])
  }
}

/** A block's parent by its id, or the draft's root; null if it is gone. */
function parentAt(
  doc: Y.Doc,
  id: { client: number; clock: number } | null,
): Y.XmlElement | Y.XmlFragment | null {
  if (id === null) return doc.getXmlFragment(DRAFT_FRAGMENT)
  const type = typeAt(doc, id)
  return type instanceof Y.XmlElement ? type : null
}

/** The ids of the children a parent shows now. */
const childIds = (parent: Y.XmlElement | Y.XmlFragment) =>
  parent
    .toArray()
    .map((child) => itemIdOf(child))
    .filter((id) => id !== null)

/** A block as it is, to be made again whole (see `rebuilt`); null if it holds an inline node. */
export function savedBlock(element: Y.XmlElement): SavedBlock | null {
  const children: SavedBlock['children'] = []
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      const runs = textRuns(child)
      if (!runs) return null
      children.push({ runs })
    } else if (child instanceof Y.XmlElement) {
      const saved = savedBlock(child)
      if (!saved) return null
      children.push(saved)
    } else {
      return null
    }
  }
  return { nodeName: element.nodeName, attributes: element.getAttributes(), children }
}

function rebuilt(saved: SavedBlock): Y.XmlElement {
  const element = new Y.XmlElement(saved.nodeName)
  for (const [key, value] of Object.entries(saved.attributes)) {
    element.setAttribute(key, value as string)
  }
  element.insert(
    0,
    saved.children.map((child) => {
      if ('runs' in child) {
        const text = new Y.XmlText()
        text.applyDelta(child.runs)
        return text
      }
      return rebuilt(child)
    }),
  )
  return element
}

/** What `reversal.blocks` keeps of one parent once the decision has run. */
export function parentAfter(parent: Y.XmlElement | Y.XmlFragment): {
  parent: { client: number; clock: number } | null
  after: { client: number; clock: number }[]
  ends: Record<string, number>
} {
  return {
    parent: parent instanceof Y.XmlElement ? itemIdOf(parent) : null,
    after: childIds(parent),
    ends: itemEnds(parent),
  }
}

/**
 * Records what a decision is about to do to one paragraph text (before it does it), given
 * which runs it removes and which marks it clears; returns the text's entry without `after`,
 * which the caller reads once the decision has run.
 */
export function reversalStepsOf(
  runs: readonly DeltaRun[],
  decide: (run: DeltaRun) => { isRemoved: boolean; cleared: Record<string, unknown> },
): DecisionReversal['texts'][number]['steps'] {
  const steps: DecisionReversal['texts'][number]['steps'] = []
  let index = 0
  for (const run of runs) {
    const { isRemoved, cleared } = decide(run)
    if (isRemoved) {
      steps.push({ index, insert: run.insert, attributes: run.attributes ?? {} })
    } else if (Object.keys(cleared).length > 0) {
      steps.push({ index, length: run.insert.length, format: cleared })
    }
    index += run.insert.length
  }
  return steps
}

export { itemIdOf }
