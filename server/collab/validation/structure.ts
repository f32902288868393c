import type { NodeType, Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { DELETION_MARK } from '../../../shared/draft/index.ts'
import { childChanges, isXmlElement, type SharedType } from './draftChanges.ts'

/**
 * Structural checks of an update on the shadow document: whatever a client sends, the draft
 * must stay a document of the schema, or every editor would fail to read it (a value that is
 * not an XML node in the fragment, an unknown block, an action directly in a section, text in a
 * section, an unknown mark or attribute). Returns the first problem, or null.
 */
export function findStructuralProblem(
  schema: Schema,
  fragment: Y.XmlFragment,
  events: readonly Y.YEvent<SharedType>[],
): string | null {
  for (const event of events) {
    const target: unknown = event.target
    if (target instanceof Y.XmlText) {
      const problem = checkTextDelta(schema, event.delta)
      if (problem) return problem
      continue
    }
    if (!(target instanceof Y.XmlElement) && !(target instanceof Y.XmlFragment)) {
      return 'Only the draft’s XML may change.'
    }
    const parentType =
      target === fragment
        ? schema.topNodeType
        : isXmlElement(target)
          ? nodeTypeOf(schema, target)
          : undefined
    if (!parentType) return 'Only the draft’s blocks may change.'
    const { added, deleted } = childChanges(event)
    for (const item of added) {
      if (!(item.content instanceof Y.ContentType)) return 'The draft holds only blocks and text.'
      const inserted: unknown = item.content.type
      const problem = checkSubtree(schema, inserted)
      if (problem) return problem
    }
    if (added.length > 0 || deleted.length > 0) {
      const problem = checkChildren(schema, parentType, target)
      if (problem) return problem
    }
    if (target instanceof Y.XmlElement) {
      for (const key of event.keys.keys()) {
        if (!(key in parentType.spec.attrs!)) return `Blocks have no attribute "${key}".`
      }
    }
  }
  return null
}

const nodeTypeOf = (schema: Schema, element: Y.XmlElement): NodeType | undefined =>
  schema.nodes[element.nodeName]

function isKnownMark(schema: Schema, key: string): boolean {
  return key in schema.marks || key.startsWith(`${DELETION_MARK}--`)
}

function checkTextDelta(
  schema: Schema,
  delta: readonly { insert?: unknown; attributes?: Record<string, unknown> }[],
): string | null {
  for (const op of delta) {
    if (op.insert !== undefined && typeof op.insert !== 'string') return 'Text holds only text.'
    for (const key of Object.keys(op.attributes ?? {})) {
      if (!isKnownMark(schema, key)) return `Unknown mark "${key}".`
    }
  }
  return null
}

/** The children of a block, in order, against its content expression. */
function checkChildren(
  schema: Schema,
  type: NodeType,
  parent: Y.XmlElement | Y.XmlFragment,
): string | null {
  let match = type.contentMatch
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      if (!type.isTextblock) return `A ${type.name} holds blocks, not text.`
      continue
    }
    if (!(child instanceof Y.XmlElement)) return 'The draft holds only blocks and text.'
    const childType = nodeTypeOf(schema, child)
    const next = childType && match.matchType(childType)
    if (!next) return `A ${child.nodeName} cannot stand there in a ${type.name}.`
    match = next
  }
  return match.validEnd ? null : `A ${type.name} is incomplete.`
}

/** A newly inserted block or text, and everything in it. */
function checkSubtree(schema: Schema, node: unknown): string | null {
  if (node instanceof Y.XmlText) {
    return checkTextDelta(
      schema,
      node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[],
    )
  }
  if (!isXmlElement(node)) return 'The draft holds only blocks and text.'
  const type = nodeTypeOf(schema, node)
  if (!type || type === schema.topNodeType || type.isText)
    return `Unknown block "${node.nodeName}".`
  for (const key of Object.keys(node.getAttributes())) {
    if (!(key in type.spec.attrs!)) return `Blocks have no attribute "${key}".`
  }
  const problem = checkChildren(schema, type, node)
  if (problem) return problem
  for (const child of node.toArray()) {
    const childProblem = checkSubtree(schema, child)
    if (childProblem) return childProblem
  }
  return null
}
