import { equalityDeep } from 'lib0/function'
import * as Y from 'yjs'

/** Any shared type (Yjs types are generic, and invariant, over their event type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs's own type for 'any type'
export type SharedType = Y.AbstractType<any>

/** The attributes of a run of text: mark name (or hashed key) -> mark attrs. */
export type TextAttributes = Record<string, unknown>

/**
 * One change a transaction makes to the draft, as the policies judge it. Text changes are per
 * run of content: inserted with the attributes it has now, deleted with those it had, or kept
 * with attributes that changed (only the keys that changed, before and after).
 */
export type DraftChange =
  | {
      kind: 'textInserted'
      block: Y.XmlElement | null
      attributes: TextAttributes
      /** The formatting in force where it was inserted, before the transaction (none if new). */
      surrounding: TextAttributes
    }
  | {
      kind: 'textFormatted'
      block: Y.XmlElement | null
      before: TextAttributes
      after: TextAttributes
    }
  | { kind: 'textDeleted'; block: Y.XmlElement | null; attributes: TextAttributes }
  | { kind: 'blockInserted'; block: Y.XmlElement; parent: Y.XmlElement | null }
  | {
      kind: 'blockDeleted'
      nodeName: string
      attributes: Record<string, unknown>
      /** What the block held before (read only when a rule needs it: it walks the block). */
      contents: () => BlockContents
    }
  | {
      kind: 'blockAttributeChanged'
      block: Y.XmlElement
      key: string
      before: unknown
      after: unknown
    }
  /** A change to anything but the draft's XmlFragment (e.g. the proposal records). */
  | { kind: 'outsideDraft'; name: string }

/** What a block held: the formatting of each run of its text, and its blocks' attributes. */
export interface BlockContents {
  runs: TextAttributes[]
  blocks: Record<string, unknown>[]
}

/** Whether the transaction created the item. */
export const isNewIn = (tr: Y.Transaction, item: Y.Item): boolean =>
  item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0)

/** Whether the item was in the document before the transaction (deleted by it, or kept). */
export const wasPresentBefore = (tr: Y.Transaction, item: Y.Item): boolean =>
  !isNewIn(tr, item) && (!item.deleted || Y.isDeleted(tr.deleteSet, item.id))

/** A type guard that keeps Yjs's default attribute typing (`instanceof` would infer `any`). */
export const isXmlElement = (value: unknown): value is Y.XmlElement => value instanceof Y.XmlElement

/** The value an attribute item holds (Yjs keeps a map entry's value as its last content). */
export function valueOf(item: Y.Item): unknown {
  const content = item.content.getContent()
  return content[content.length - 1]
}

/**
 * Attributes of an element as they were before the transaction, also when it deleted them
 * (Yjs's getters skip deleted items).
 */
export function attributesBefore(
  tr: Y.Transaction,
  element: Y.XmlElement,
): Record<string, unknown> {
  const attributes: Record<string, unknown> = {}
  for (const key of element._map.keys()) {
    const value = attributeBefore(tr, element, key)
    if (value !== undefined) attributes[key] = value
  }
  return attributes
}

/**
 * The value a map key held before the transaction. Yjs keeps a key's writes as a list whose
 * rightmost item is the value; at most one of them is present at any time.
 */
function attributeBefore(tr: Y.Transaction, type: SharedType, key: string): unknown {
  for (let item: Y.Item | null = type._map.get(key) ?? null; item; item = item.left) {
    if (wasPresentBefore(tr, item)) return valueOf(item)
    if (!isNewIn(tr, item)) return undefined
  }
  return undefined
}

function attributeNow(type: SharedType, key: string): unknown {
  const item = type._map.get(key)
  return item && !item.deleted ? valueOf(item) : undefined
}

/**
 * The text changes of a transaction in one Y.XmlText, read off its items: a single walk that
 * keeps the formatting in force before and after the transaction. Nothing here reads Yjs's
 * `YTextEvent.delta`, which may delete "redundant" format items while it is read (and so would
 * make the judged document differ from the stored one).
 */
function textChanges(
  tr: Y.Transaction,
  text: Y.XmlText,
  block: Y.XmlElement | null,
): DraftChange[] {
  const changes: DraftChange[] = []
  const before = new Map<string, unknown>()
  const after = new Map<string, unknown>()
  // Consecutive content with the same fate and formatting is one change.
  let formattingVersion = 0
  let last: { kind: DraftChange['kind']; version: number } | null = null
  const push = (change: DraftChange) => {
    if (last?.kind === change.kind && last.version === formattingVersion) return
    last = { kind: change.kind, version: formattingVersion }
    changes.push(change)
  }
  for (let item = text._start; item !== null; item = item.right) {
    const wasThere = wasPresentBefore(tr, item)
    const isThere = !item.deleted
    if (!wasThere && !isThere) continue
    if (item.content instanceof Y.ContentFormat) {
      const { key, value } = item.content as { key: string; value: unknown }
      if (wasThere) applyFormat(before, key, value)
      if (isThere) applyFormat(after, key, value)
      formattingVersion++
      continue
    }
    if (!item.countable) continue
    if (!wasThere) {
      push({
        kind: 'textInserted',
        block,
        attributes: Object.fromEntries(after),
        surrounding: Object.fromEntries(before),
      })
    } else if (!isThere) {
      push({ kind: 'textDeleted', block, attributes: Object.fromEntries(before) })
    } else {
      const changed = changedAttributes(before, after)
      if (changed) push({ kind: 'textFormatted', block, ...changed })
    }
  }
  return changes
}

function applyFormat(attributes: Map<string, unknown>, key: string, value: unknown): void {
  if (value === null) attributes.delete(key)
  else attributes.set(key, value)
}

function changedAttributes(
  before: Map<string, unknown>,
  after: Map<string, unknown>,
): { before: TextAttributes; after: TextAttributes } | null {
  const changedBefore: TextAttributes = {}
  const changedAfter: TextAttributes = {}
  let isChanged = false
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key) ?? null
    const is = after.get(key) ?? null
    if (equalityDeep(was, is)) continue
    changedBefore[key] = was
    changedAfter[key] = is
    isChanged = true
  }
  return isChanged ? { before: changedBefore, after: changedAfter } : null
}

/**
 * What an element held before the transaction, children deleted with it included (Yjs's
 * getters skip them): deleting a block deletes everything in it, and the rules must see what.
 */
function contentsBefore(tr: Y.Transaction, element: Y.XmlElement): BlockContents {
  const contents: BlockContents = { runs: [], blocks: [] }
  const walk = (parent: Y.XmlElement) => {
    for (let item = parent._start; item !== null; item = item.right) {
      if (!wasPresentBefore(tr, item) || !(item.content instanceof Y.ContentType)) continue
      const child: unknown = item.content.type
      if (isXmlElement(child)) {
        contents.blocks.push(attributesBefore(tr, child))
        walk(child)
      } else if (child instanceof Y.XmlText) {
        contents.runs.push(...runsBefore(tr, child))
      }
    }
  }
  walk(element)
  return contents
}

/** The formatting of each piece of content a text held before the transaction. */
function runsBefore(tr: Y.Transaction, text: Y.XmlText): TextAttributes[] {
  const runs: TextAttributes[] = []
  const formatting = new Map<string, unknown>()
  for (let item = text._start; item !== null; item = item.right) {
    if (!wasPresentBefore(tr, item)) continue
    if (item.content instanceof Y.ContentFormat) {
      const { key, value } = item.content as { key: string; value: unknown }
      applyFormat(formatting, key, value)
    } else if (item.countable) {
      runs.push(Object.fromEntries(formatting))
    }
  }
  return runs
}

/** Every run of a text as it is now (for text the transaction created whole). */
function insertedText(
  tr: Y.Transaction,
  text: Y.XmlText,
  block: Y.XmlElement | null,
): DraftChange[] {
  return textChanges(tr, text, block).filter((change) => change.kind === 'textInserted')
}

const enclosingBlock = (type: SharedType): Y.XmlElement | null =>
  isXmlElement(type) ? type : isXmlElement(type.parent) ? type.parent : null

/** The changes a transaction made to the children of an element or of the fragment. */
function childChanges(tr: Y.Transaction, parent: Y.XmlElement | Y.XmlFragment): DraftChange[] {
  const changes: DraftChange[] = []
  const block = isXmlElement(parent) ? parent : null
  for (let item = parent._start; item !== null; item = item.right) {
    const wasThere = wasPresentBefore(tr, item)
    const isThere = !item.deleted
    if (wasThere === isThere) continue
    const child: unknown = item.content instanceof Y.ContentType ? item.content.type : null
    if (isThere) {
      if (isXmlElement(child)) changes.push({ kind: 'blockInserted', block: child, parent: block })
      else if (child instanceof Y.XmlText) changes.push(...insertedText(tr, child, block))
    } else if (isXmlElement(child)) {
      changes.push({
        kind: 'blockDeleted',
        nodeName: child.nodeName,
        attributes: attributesBefore(tr, child),
        contents: () => contentsBefore(tr, child),
      })
    } else if (child instanceof Y.XmlText) {
      changes.push(...textChanges(tr, child, block).filter((c) => c.kind === 'textDeleted'))
    }
  }
  return changes
}

/** The content items a transaction added to, or deleted from, each type's list. */
export type ListChanges = Map<SharedType, { added: Y.Item[]; deleted: Y.Item[] }>

/** What a transaction did to lists, found from its new clocks and its delete set alone. */
export function listChangesOf(tr: Y.Transaction): ListChanges {
  const changes: ListChanges = new Map()
  const of = (parent: SharedType) => {
    let entry = changes.get(parent)
    if (!entry) {
      entry = { added: [], deleted: [] }
      changes.set(parent, entry)
    }
    return entry
  }
  for (const [client, after] of tr.afterState) {
    const before = tr.beforeState.get(client) ?? 0
    if (after === before) continue
    const structs = tr.doc.store.clients.get(client)!
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!
      if (struct.id.clock >= after) break
      if (struct instanceof Y.Item && !struct.deleted && struct.parentSub === null) {
        of(struct.parent as SharedType).added.push(struct)
      }
    }
  }
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (struct instanceof Y.Item && struct.parentSub === null && !isNewIn(tr, struct)) {
      of(struct.parent as SharedType).deleted.push(struct)
    }
  })
  return changes
}

/**
 * The text changes of a Y.XmlText that has never held a format item (Yjs records whether one
 * was ever integrated): every run's attributes are none, and the changed items are known from
 * the transaction, without walking the text. Plain text typed at length (a co-facilitator's,
 * a long replay) then costs what the keystroke changed, not the length of the paragraph.
 */
function plainTextChanges(
  changed: { added: Y.Item[]; deleted: Y.Item[] } | undefined,
  block: Y.XmlElement | null,
): DraftChange[] {
  const changes: DraftChange[] = []
  if (changed?.added.some((item) => item.countable)) {
    changes.push({ kind: 'textInserted', block, attributes: {}, surrounding: {} })
  }
  if (changed?.deleted.some((item) => item.countable)) {
    changes.push({ kind: 'textDeleted', block, attributes: {} })
  }
  return changes
}

/**
 * Lists the changes of a transaction, on the draft (`fragment`) and outside it, from the
 * types it changed (`tr.changed`: Yjs lists there every type that existed before and whose
 * children or keys changed; types created by the transaction come with their parent's change).
 */
export function collectDraftChanges(
  tr: Y.Transaction,
  fragment: Y.XmlFragment,
  lists: ListChanges = listChangesOf(tr),
): DraftChange[] {
  const changes: DraftChange[] = []
  for (const [type, keys] of tr.changed as Map<SharedType, Set<string | null>>) {
    if (!isInside(type, fragment)) {
      changes.push({ kind: 'outsideDraft', name: rootName(type) })
      continue
    }
    if (keys.has(null)) {
      if (type instanceof Y.XmlText) {
        const block = enclosingBlock(type)
        if (type._hasFormatting) changes.push(...textChanges(tr, type, block))
        else changes.push(...plainTextChanges(lists.get(type), block))
      } else if (type instanceof Y.XmlFragment) {
        changes.push(...childChanges(tr, type))
      }
    }
    if (!isXmlElement(type)) continue
    for (const key of keys) {
      if (key === null) continue
      const before = attributeBefore(tr, type, key)
      const after = attributeNow(type, key)
      if (equalityDeep(before ?? null, after ?? null)) continue
      changes.push({ kind: 'blockAttributeChanged', block: type, key, before, after })
    }
  }
  return changes
}

/** Whether `type` is `fragment` or inside it. */
export function isInside(type: SharedType, fragment: Y.XmlFragment): boolean {
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
