import type { NodeType, Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import {
  UID_ATTRIBUTE,
  blockAttributeProblem,
  markValueProblem,
} from '../../../shared/draft/index.ts'
import { isBlockType } from '../../../shared/schema/index.ts'
import {
  isInside,
  isNewIn,
  isXmlElement,
  type ListChanges,
  type SharedType,
  valueOf,
} from './draftChanges.ts'

/**
 * Structural checks of a transaction on the draft, for every writer: whatever a client sends,
 * the draft must stay a document of the schema with values of the right shape, or every editor
 * would fail to read it (y-prosemirror then deletes what it cannot read, in every editor open).
 * Only what the transaction created or changed is looked at. Returns the first problem, or
 * null.
 */
export function findStructuralProblem(
  schema: Schema,
  fragment: Y.XmlFragment,
  tr: Y.Transaction,
  lists: ListChanges,
): string | null {
  for (const [type, keys] of tr.changed as Map<SharedType, Set<string | null>>) {
    if (!isInside(type, fragment)) continue
    const problem =
      type instanceof Y.XmlText
        ? checkChangedText(keys, lists.get(type)?.added ?? [])
        : type instanceof Y.XmlFragment
          ? checkChangedBlock(schema, fragment, tr, type, keys)
          : 'Only the draft’s blocks and text may change.'
    if (problem) return problem
  }
  return null
}

/** A text's new items (only those: what was there was checked when it came). */
function checkChangedText(keys: Set<string | null>, added: readonly Y.Item[]): string | null {
  if ([...keys].some((key) => key !== null)) return 'Text has no attributes.'
  for (const item of added) {
    const problem = textItemProblem(item)
    if (problem) return problem
  }
  return null
}

function checkChangedBlock(
  schema: Schema,
  fragment: Y.XmlFragment,
  tr: Y.Transaction,
  block: Y.XmlFragment,
  keys: Set<string | null>,
): string | null {
  const type = block === fragment ? schema.topNodeType : nodeTypeOf(schema, block)
  if (!type) return 'Only the draft’s blocks may change.'
  for (const key of keys) {
    if (key === null) continue
    if (!isXmlElement(block)) return 'The draft itself has no attributes.'
    const problem = attributeProblem(type, block, key)
    if (problem) return problem
  }
  if (!keys.has(null)) return null
  for (let item = block._start; item !== null; item = item.right) {
    if (item.deleted || !isNewIn(tr, item)) continue
    const child = childOf(item)
    if (!child) return 'The draft holds only blocks and text.'
    const problem = checkSubtree(schema, child)
    if (problem) return problem
  }
  return checkChildren(schema, type, block)
}

const nodeTypeOf = (schema: Schema, block: Y.XmlFragment): NodeType | undefined =>
  isXmlElement(block) ? schema.nodes[block.nodeName] : undefined

/** The block or text an item of a block's children holds, or null if it holds anything else. */
function childOf(item: Y.Item): Y.XmlElement | Y.XmlText | null {
  if (!(item.content instanceof Y.ContentType)) return null
  const child: unknown = item.content.type
  return isXmlElement(child) || child instanceof Y.XmlText ? child : null
}

function textItemProblem(item: Y.Item): string | null {
  if (item.content instanceof Y.ContentString) return null
  if (item.content instanceof Y.ContentFormat) {
    const { key, value } = item.content as { key: string; value: unknown }
    return markValueProblem(key, value)
  }
  return 'Text holds only text.'
}

/** An attribute of a block: a key its type has, one plain value of the right shape. */
function attributeProblem(type: NodeType, block: Y.XmlElement, key: string): string | null {
  if (!(key in (type.spec.attrs ?? {}))) return `A ${type.name} has no attribute "${key}".`
  const item = block._map.get(key)
  if (!item || item.deleted) return null
  if (!(item.content instanceof Y.ContentAny) || item.content.getLength() !== 1) {
    return 'A block’s attribute holds one plain value.'
  }
  return blockAttributeProblem(key, valueOf(item))
}

/** The children of a block, in order, against its content expression. */
function checkChildren(schema: Schema, type: NodeType, parent: Y.XmlFragment): string | null {
  let match = type.contentMatch
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      if (!type.isTextblock) return `A ${type.name} holds blocks, not text.`
      continue
    }
    if (!isXmlElement(child)) return 'The draft holds only blocks and text.'
    const childType = schema.nodes[child.nodeName]
    const next = childType && match.matchType(childType)
    if (!next) return `A ${child.nodeName} cannot stand there in a ${type.name}.`
    match = next
  }
  return match.validEnd ? null : `A ${type.name} is incomplete.`
}

/**
 * A block or text the transaction created, and everything in it. Its content expression is
 * checked before its children, so that a hostile nesting is refused at its first level.
 */
function checkSubtree(schema: Schema, node: Y.XmlElement | Y.XmlText): string | null {
  if (node instanceof Y.XmlText) {
    if (node._map.size > 0) return 'Text has no attributes.'
    for (let item = node._start; item !== null; item = item.right) {
      if (item.deleted) continue
      const problem = textItemProblem(item)
      if (problem) return problem
    }
    return null
  }
  const type = schema.nodes[node.nodeName]
  if (!type || type === schema.topNodeType || type.isText) {
    return `Unknown block "${node.nodeName}".`
  }
  for (const key of node._map.keys()) {
    const problem = attributeProblem(type, node, key)
    if (problem) return problem
  }
  if (isBlockType(type.name) && node.getAttribute(UID_ATTRIBUTE) === undefined) {
    return 'A new block needs its uid.'
  }
  const problem = checkChildren(schema, type, node)
  if (problem) return problem
  for (let item = node._start; item !== null; item = item.right) {
    if (item.deleted) continue
    const child = childOf(item)
    if (!child) return 'The draft holds only blocks and text.'
    const childProblem = checkSubtree(schema, child)
    if (childProblem) return childProblem
  }
  return null
}
