import * as Y from 'yjs'

/** Any shared type (Yjs types are generic, and invariant, over their event type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs's own type for 'any type'
export type SharedType = Y.AbstractType<any>

/** The attributes of a run of text: mark name (or hashed key) -> mark attrs. */
export type TextAttributes = Record<string, unknown>

/**
 * One change an update makes to the draft, as the policies judge it. Read off the shadow
 * document's transaction: Yjs deltas carry the attributes of inserted and reformatted text.
 */
export type DraftChange =
  | { kind: 'textInserted'; block: Y.XmlElement | null; attributes: TextAttributes }
  | {
      kind: 'textFormatted'
      block: Y.XmlElement | null
      before: TextAttributes
      after: TextAttributes
    }
  | { kind: 'textDeleted'; block: Y.XmlElement | null; attributes: TextAttributes }
  | { kind: 'blockInserted'; block: Y.XmlElement; parent: Y.XmlElement | null }
  | { kind: 'blockDeleted'; nodeName: string; attributes: Record<string, unknown> }
  | {
      kind: 'blockAttributeChanged'
      block: Y.XmlElement
      key: string
      before: unknown
      after: unknown
    }
  /** A change to anything but the draft's XmlFragment (e.g. the proposal records). */
  | { kind: 'outsideDraft'; name: string }

/**
 * The children an event added and deleted, found by walking the list once. (Yjs's own
 * `event.changes` builds its delta by concatenating arrays, quadratic in the items an update
 * adds: an update of tens of thousands of small items would block the server for seconds.)
 */
export function childChanges(event: Y.YEvent<SharedType>): { added: Y.Item[]; deleted: Y.Item[] } {
  const added: Y.Item[] = []
  const deleted: Y.Item[] = []
  for (let item = event.target._start; item !== null; item = item.right) {
    if (event.adds(item)) {
      // An item added and deleted in the same transaction never existed for anyone.
      if (!event.deletes(item)) added.push(item)
    } else if (event.deletes(item)) {
      deleted.push(item)
    }
  }
  return { added, deleted }
}

/** A type guard that keeps Yjs's default attribute typing (`instanceof` would infer `any`). */
export const isXmlElement = (value: unknown): value is Y.XmlElement => value instanceof Y.XmlElement

const isItemDeletedIn = (tr: Y.Transaction, item: Y.Item) => Y.isDeleted(tr.deleteSet, item.id)
const isItemNewIn = (tr: Y.Transaction, item: Y.Item) =>
  item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0)

/**
 * A text as it was before the transaction: each content item that was there, with the
 * formatting then in force (format markers added by the transaction do not count, those it
 * deleted still do).
 */
function* itemsBefore(
  tr: Y.Transaction,
  text: Y.XmlText,
): Generator<{ item: Y.Item; attributes: TextAttributes }> {
  let current: TextAttributes = {}
  for (let item = text._start; item !== null; item = item.right) {
    const wasPresent = !isItemNewIn(tr, item) && (!item.deleted || isItemDeletedIn(tr, item))
    if (!wasPresent) continue
    if (item.content instanceof Y.ContentFormat) {
      const { key, value } = item.content
      current = { ...current }
      if (value === null) delete current[key]
      else current[key] = value
      continue
    }
    yield { item, attributes: current }
  }
}

/** The attributes in force before the transaction at each text item deleted by it. */
function deletedTextRuns(tr: Y.Transaction, text: Y.XmlText): TextAttributes[] {
  const runs: TextAttributes[] = []
  for (const { item, attributes } of itemsBefore(tr, text)) {
    if (item.deleted && isItemDeletedIn(tr, item) && item.countable) runs.push(attributes)
  }
  return runs
}

const enclosingBlock = (type: SharedType): Y.XmlElement | null =>
  type instanceof Y.XmlElement ? type : type.parent instanceof Y.XmlElement ? type.parent : null

/** Attributes of an element even when it was just deleted (Y's getters skip deleted items). */
export function rawAttributes(element: Y.XmlElement): Record<string, unknown> {
  const attributes: Record<string, unknown> = {}
  for (const [key, item] of element._map) {
    const content = item.content.getContent()
    attributes[key] = content[content.length - 1]
  }
  return attributes
}

/** The attributes in force before the transaction on the text it kept, run by run. */
function keptTextRuns(
  tr: Y.Transaction,
  text: Y.XmlText,
): { length: number; before: TextAttributes }[] {
  const runs: { length: number; before: TextAttributes }[] = []
  for (const { item, attributes } of itemsBefore(tr, text)) {
    if (!item.deleted && item.countable) runs.push({ length: item.length, before: attributes })
  }
  return runs
}

const isSameValue = (a: unknown, b: unknown): boolean =>
  a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The formatting a delta's retained ops really change, against the attributes the kept text
 * had before. Yjs may repeat an attribute the text already had: when a formatted run is
 * deleted with its format markers, the text after it is "retained" with the run's key set to
 * null, which it already was; that is no change.
 */
function formattingChanges(
  tr: Y.Transaction,
  text: Y.XmlText,
  block: Y.XmlElement | null,
  delta: readonly { insert?: unknown; retain?: number; attributes?: TextAttributes }[],
): DraftChange[] {
  const changes: DraftChange[] = []
  const runs = keptTextRuns(tr, text)
  let runIndex = 0
  let usedOfRun = 0
  for (const op of delta) {
    if (op.retain === undefined) continue
    for (let left = op.retain; left > 0 && runIndex < runs.length;) {
      const run = runs[runIndex]
      if (!run) break
      const taken = Math.min(left, run.length - usedOfRun)
      if (op.attributes) {
        const before: TextAttributes = {}
        const after: TextAttributes = {}
        for (const [key, value] of Object.entries(op.attributes)) {
          if (isSameValue(run.before[key], value)) continue
          before[key] = run.before[key] ?? null
          after[key] = value
        }
        if (Object.keys(after).length > 0) {
          changes.push({ kind: 'textFormatted', block, before, after })
        }
      }
      left -= taken
      usedOfRun += taken
      if (usedOfRun === run.length) {
        runIndex++
        usedOfRun = 0
      }
    }
  }
  return changes
}

/** Lists the changes of a transaction on the draft (`fragment`) and outside it. */
export function collectDraftChanges(
  tr: Y.Transaction,
  fragment: Y.XmlFragment,
  events: readonly Y.YEvent<SharedType>[],
): DraftChange[] {
  const changes: DraftChange[] = []
  for (const type of tr.changed.keys()) {
    if (!isInside(type, fragment)) changes.push({ kind: 'outsideDraft', name: rootName(type) })
  }
  for (const event of events) {
    const target: unknown = event.target
    if (target instanceof Y.XmlText) {
      const block = enclosingBlock(target)
      for (const op of event.delta) {
        if (op.insert !== undefined) {
          changes.push({ kind: 'textInserted', block, attributes: op.attributes ?? {} })
        }
      }
      changes.push(...formattingChanges(tr, target, block, event.delta))
      for (const attributes of deletedTextRuns(tr, target)) {
        changes.push({ kind: 'textDeleted', block, attributes })
      }
      continue
    }
    if (target instanceof Y.XmlElement || target instanceof Y.XmlFragment) {
      const parent = target instanceof Y.XmlElement ? target : null
      const { added, deleted } = childChanges(event)
      for (const item of added) {
        const content = item.content
        if (content instanceof Y.ContentType) {
          const inserted: unknown = content.type
          if (isXmlElement(inserted)) {
            changes.push({ kind: 'blockInserted', block: inserted, parent })
          } else if (inserted instanceof Y.XmlText) {
            for (const op of inserted.toDelta() as {
              insert: unknown
              attributes?: TextAttributes
            }[]) {
              changes.push({ kind: 'textInserted', block: parent, attributes: op.attributes ?? {} })
            }
          }
        }
      }
      for (const item of deleted) {
        const deleted: unknown = item.content instanceof Y.ContentType ? item.content.type : null
        if (isXmlElement(deleted)) {
          changes.push({
            kind: 'blockDeleted',
            nodeName: deleted.nodeName,
            attributes: rawAttributes(deleted),
          })
        } else if (deleted instanceof Y.XmlText) {
          for (const attributes of deletedTextRuns(tr, deleted)) {
            changes.push({ kind: 'textDeleted', block: parent, attributes })
          }
        }
      }
      if (isXmlElement(target)) {
        for (const [key, change] of event.keys) {
          changes.push({
            kind: 'blockAttributeChanged',
            block: target,
            key,
            before: change.oldValue,
            after: target.getAttribute(key),
          })
        }
      }
    }
  }
  return changes
}

function isInside(type: SharedType, fragment: Y.XmlFragment): boolean {
  for (let t: SharedType | null = type; t; t = t.parent as SharedType | null) {
    if (t === fragment) return true
  }
  return false
}

function rootName(type: SharedType): string {
  let root = type
  while (root.parent) root = root.parent as SharedType
  for (const [name, shared] of root.doc?.share ?? []) if (shared === root) return name
  return '?'
}
