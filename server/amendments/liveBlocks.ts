import * as Y from 'yjs'
import {
  DELETED_BY_ATTR,
  DRAFT_FRAGMENT,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  isDeletionKey,
  refOf,
} from '../../shared/draft/index.ts'

/** One character run of a live block's text, with the delegations proposing on it. */
export interface LiveSegment {
  start: number
  end: number
  /** The delegation whose proposal inserted the text, or null for agreed text. */
  insertedBy: string | null
  /** Delegations proposing to delete it. */
  deletedBy: string[]
}

/** A text block of the live draft, as the import places changes on it. */
export interface LiveBlock {
  uid: string
  kind: string
  element: Y.XmlElement
  text: Y.XmlText | null
  content: string
  segments: LiveSegment[]
  /** The delegation proposing the whole block, or proposing to delete it. */
  insertedBy: string | null
  deletedBy: string | null
}

const TEXT_BLOCKS = new Set([
  'sectionTitle',
  'objectiveTitle',
  'paragraph',
  'principle',
  'commitment',
  'action',
])

function segmentsOf(text: Y.XmlText): LiveSegment[] {
  const segments: LiveSegment[] = []
  let at = 0
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    const attributes = op.attributes ?? {}
    segments.push({
      start: at,
      end: at + length,
      insertedBy: refOf(attributes[INSERTION_MARK])?.delegation ?? null,
      deletedBy: Object.entries(attributes).flatMap(([key, value]) =>
        isDeletionKey(key) ? [refOf(value)?.delegation ?? ''] : [],
      ),
    })
    at += length
  }
  return segments
}

/** The live draft's text blocks in document order. */
export function liveBlocksOf(doc: Y.Doc): LiveBlock[] {
  const blocks: LiveBlock[] = []
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      const uid = child.getAttribute('uid')
      if (TEXT_BLOCKS.has(child.nodeName) && typeof uid === 'string') {
        const text = child.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText) ?? null
        blocks.push({
          uid,
          kind: child.nodeName,
          element: child,
          text,
          content: text ? textContent(text) : '',
          segments: text ? segmentsOf(text) : [],
          insertedBy: refOf(child.getAttribute(INSERTED_BY_ATTR))?.delegation ?? null,
          deletedBy: refOf(child.getAttribute(DELETED_BY_ATTR))?.delegation ?? null,
        })
      }
      visit(child)
    }
  }
  visit(doc.getXmlFragment(DRAFT_FRAGMENT))
  return blocks
}

/** The plain characters of a Y.XmlText (toString() writes marks as XML tags). */
function textContent(text: Y.XmlText): string {
  let content = ''
  for (const op of text.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === 'string') content += op.insert
  }
  return content
}
