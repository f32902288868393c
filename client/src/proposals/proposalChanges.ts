import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import {
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
} from '../../../shared/draft/index.ts'
import type { NumberedBlock } from '../numbering/numberingPlugin.ts'
import { refOf } from '../../../shared/draft/index.ts'
import type { ProposableKind } from './messages.ts'

/** What a proposal changes in the text as it stands, and where. */
export interface ProposalChange {
  /** Inserted text, piece by piece, in document order. */
  inserted: string[]
  /** Text proposed for deletion, piece by piece. */
  deleted: string[]
  /** A whole block added or deleted, if the proposal is that. */
  block: { kind: ProposableKind; change: 'inserted' | 'deleted' } | null
  /** Where the proposal starts in the document, to jump there. */
  pos: number
  /** The objective it is in (its current number and uid), if any. */
  objective: number | null
  objectiveUid: string | null
  /** The margin label of the first block it touches ("17.", "b)"). */
  blockLabel: string | null
  /** The words around it in that block, so that a card never shows "ée" alone. */
  context: { before: string; after: string }
}

/** Where a proposal's pieces lie in the first text block it touches. */
interface Span {
  node: ProseMirrorNode
  from: number
  to: number
}

// About five or six words on each side.
const CONTEXT_CHARS = 40

/** The end of `text`, at most CONTEXT_CHARS, cut at a space; the start of it for `after`. */
function around(text: string, side: 'before' | 'after'): string {
  if (text.length <= CONTEXT_CHARS) return text
  if (side === 'before') {
    const tail = text.slice(-CONTEXT_CHARS)
    const space = tail.indexOf(' ')
    return `…${space >= 0 ? tail.slice(space) : tail}`
  }
  const head = text.slice(0, CONTEXT_CHARS)
  const space = head.lastIndexOf(' ')
  return `${space > 0 ? head.slice(0, space) : head}…`
}

const KINDS: readonly ProposableKind[] = ['paragraph', 'principle', 'objective', 'action']
const kindOf = (node: ProseMirrorNode): ProposableKind | null =>
  KINDS.find((kind) => kind === node.type.name) ?? null

/**
 * Every proposal present in the text, read off its marks and block attributes in one walk of
 * the numbered blocks (the numbering plugin has already found them), with its place.
 */
export function proposalChanges(blocks: readonly NumberedBlock[]): Map<string, ProposalChange> {
  const changes = new Map<string, ProposalChange>()
  const spans = new Map<ProposalChange, Span>()
  let objective: { number: number; uid: string | null } | null = null
  let label: string | null = null

  const entry = (value: unknown, pos: number): ProposalChange | null => {
    const ref = refOf(value)
    if (!ref) return null
    let change = changes.get(ref.proposalId)
    if (!change) {
      change = {
        inserted: [],
        deleted: [],
        block: null,
        pos,
        objective: objective?.number ?? null,
        objectiveUid: objective?.uid ?? null,
        blockLabel: label,
        context: { before: '', after: '' },
      }
      changes.set(ref.proposalId, change)
    }
    return change
  }
  // Consecutive pieces of one proposal in one block read as one piece.
  const append = (pieces: string[], text: string, isContinued: boolean) => {
    const last = pieces.length - 1
    if (isContinued && last >= 0) pieces[last] += text
    else pieces.push(text)
  }

  for (const { node, pos, number } of blocks) {
    if (node.type.name === 'section') objective = null
    if (number?.kind === 'objective') {
      const uid: unknown = node.attrs.uid
      objective = { number: number.objective, uid: typeof uid === 'string' ? uid : null }
      label = null
    } else if (number) {
      label = number.label
    }
    const kind = kindOf(node)
    if (kind) {
      const inserted = entry(node.attrs[INSERTED_BY_ATTR], pos)
      if (inserted) inserted.block ??= { kind, change: 'inserted' }
      const deleted = entry(node.attrs[DELETED_BY_ATTR], pos)
      if (deleted) {
        deleted.block ??= { kind, change: 'deleted' }
        const text =
          node.type.name === 'objective' ? node.firstChild?.textContent : node.textContent
        if (text) deleted.deleted.push(text)
      }
    }
    if (!node.isTextblock) continue
    let previous: Set<string> = new Set()
    node.forEach((child, offset) => {
      const here = new Set<string>()
      const at = pos + 1 + offset
      for (const mark of child.marks) {
        const isInsertion = mark.type.name === INSERTION_MARK
        if (!isInsertion && mark.type.name !== DELETION_MARK) continue
        const change = entry(mark.attrs, at)
        const id = refOf(mark.attrs)?.proposalId
        if (!change || !id) continue
        const key = `${isInsertion ? '+' : '-'}${id}`
        append(isInsertion ? change.inserted : change.deleted, child.text ?? '', previous.has(key))
        here.add(key)
        const span = spans.get(change)
        if (!span) spans.set(change, { node, from: offset, to: offset + child.nodeSize })
        else if (span.node === node) span.to = offset + child.nodeSize
      }
      previous = here
    })
  }
  // Read once per proposal, after the walk: most blocks hold none.
  for (const [change, { node, from, to }] of spans) {
    change.context = {
      before: around(node.textBetween(0, from), 'before'),
      after: around(node.textBetween(to, node.content.size), 'after'),
    }
  }
  return changes
}
