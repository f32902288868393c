import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import {
  BRACKETED_MARK,
  CO_FACILITATORS_DELETION_MARK,
  CO_FACILITATORS_INSERTION_MARK,
  DELETED_BY_ATTR,
  DRAFT_FRAGMENT,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  ITALIC_MARK,
  PROPOSALS_MAP,
  isDeletionKey,
  refOf,
  type ProposalRecord,
} from '../../../shared/draft/index.ts'
import { draftSchema, isUid } from '../../../shared/schema/index.ts'
import { textsOf } from './draftBlocks.ts'

type Delta = { insert: unknown; attributes?: Record<string, unknown> }[]

const deltaOf = (text: Y.XmlText): Delta => text.toDelta() as Delta

/** Calls `visit` for every block of the draft, with its depth, in document order. */
function forEachBlock(doc: Y.Doc, visit: (block: Y.XmlElement, depth: number) => boolean): void {
  const walk = (parent: Y.XmlFragment, depth: number) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement && visit(child, depth)) walk(child, depth + 1)
    }
  }
  walk(doc.getXmlFragment(DRAFT_FRAGMENT), 0)
}

/**
 * The agreed text as it stands: every block that is not a proposed one, with its text without
 * proposed insertions, which of its characters are in italics, which are the
 * co-facilitators' own typed or struck words, and which are in brackets. Only a co-facilitator's edit or a decision may
 * change it.
 */
export function agreedView(doc: Y.Doc): string {
  const lines: string[] = []
  forEachBlock(doc, (block, depth) => {
    if (block.getAttribute(INSERTED_BY_ATTR) !== undefined) return false
    let text = ''
    let italics = ''
    let edits = ''
    let brackets = ''
    for (const child of textsOf(block)) {
      for (const op of deltaOf(child)) {
        if (op.attributes?.[INSERTION_MARK]) continue
        const insert = typeof op.insert === 'string' ? op.insert : '\ufffc'
        text += insert
        italics += (op.attributes?.[ITALIC_MARK] ? '1' : '0').repeat(insert.length)
        const edit = op.attributes?.[CO_FACILITATORS_INSERTION_MARK]
          ? '+'
          : op.attributes?.[CO_FACILITATORS_DELETION_MARK]
            ? '-'
            : '.'
        edits += edit.repeat(insert.length)
        brackets += (op.attributes?.[BRACKETED_MARK] ? '[' : '.').repeat(insert.length)
      }
    }
    const attributes = JSON.stringify({ ...block.getAttributes(), [DELETED_BY_ATTR]: undefined })
    lines.push(
      `${depth} ${block.nodeName} ${attributes} ${JSON.stringify(text)} ${italics} ${edits} ${brackets}`,
    )
    return true
  })
  return lines.join('\n')
}

/**
 * What each proposal is, in the text: its inserted and deleted words and its whole blocks,
 * block by block. Marks lying on `exceptOnTextOf`'s own proposed text (which that delegation
 * may remove with its text) are left out.
 */
export function footprints(doc: Y.Doc, exceptOnTextOf?: string): Map<string, string> {
  // Per proposal, per block and kind, the words it holds, joined: another delegation's words
  // inserted in the middle, or its marks over part of them, split runs but change no word.
  const pieces = new Map<string, Map<string, string>>()
  const add = (id: string, where: string, words: string) => {
    const ofProposal = pieces.get(id) ?? new Map<string, string>()
    ofProposal.set(where, `${ofProposal.get(where) ?? ''}${words}`)
    pieces.set(id, ofProposal)
  }
  const isExcepted = (value: unknown) =>
    exceptOnTextOf !== undefined && refOf(value)?.delegation === exceptOnTextOf
  const walk = (parent: Y.XmlFragment, insideExcepted: boolean) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      const uid = String(child.getAttribute('uid'))
      const insertedBy = refOf(child.getAttribute(INSERTED_BY_ATTR))
      const deletedBy = refOf(child.getAttribute(DELETED_BY_ATTR))
      if (insertedBy) add(insertedBy.proposalId, `block+ ${uid} ${child.nodeName}`, '')
      if (deletedBy && !insideExcepted) add(deletedBy.proposalId, `block- ${uid}`, '')
      const excepted = insideExcepted || isExcepted(child.getAttribute(INSERTED_BY_ATTR))
      for (const text of textsOf(child)) {
        for (const op of deltaOf(text)) {
          const attributes = op.attributes ?? {}
          const words = typeof op.insert === 'string' ? op.insert : '\ufffc'
          const insertion = refOf(attributes[INSERTION_MARK])
          if (insertion) add(insertion.proposalId, `ins ${uid}`, words)
          if (excepted || isExcepted(attributes[INSERTION_MARK])) continue
          for (const [key, value] of Object.entries(attributes)) {
            const deletion = isDeletionKey(key) ? refOf(value) : null
            if (deletion) add(deletion.proposalId, `del ${uid}`, words)
          }
        }
      }
      walk(child, excepted)
    }
  }
  walk(doc.getXmlFragment(DRAFT_FRAGMENT), false)
  const prints = new Map<string, string>()
  for (const [id, ofProposal] of pieces) {
    prints.set(
      id,
      [...ofProposal].map(([where, words]) => `${where} ${JSON.stringify(words)}`).join('; '),
    )
  }
  return prints
}

/** Every proposal ref in the draft: its id and the delegation it names. */
export function refsInDraft(doc: Y.Doc): { proposalId: string; delegation: string }[] {
  const refs: { proposalId: string; delegation: string }[] = []
  const collect = (value: unknown) => {
    const ref = refOf(value)
    if (ref) refs.push(ref)
  }
  forEachBlock(doc, (block) => {
    collect(block.getAttribute(INSERTED_BY_ATTR))
    collect(block.getAttribute(DELETED_BY_ATTR))
    for (const text of textsOf(block)) {
      for (const op of deltaOf(text))
        for (const value of Object.values(op.attributes ?? {})) collect(value)
    }
    return true
  })
  return refs
}

export function recordsOf(doc: Y.Doc): Map<string, ProposalRecord> {
  const records = new Map<string, ProposalRecord>()
  for (const [id, value] of doc.getMap<ProposalRecord>(PROPOSALS_MAP).entries()) {
    records.set(id, value)
  }
  return records
}

/**
 * Why the draft is not a valid document of the schema, or null: what every editor must be
 * able to read (y-prosemirror deletes what it cannot), with unique, well-formed uids.
 */
export function schemaProblem(doc: Y.Doc): string | null {
  // On a copy: y-prosemirror deletes, in the document it reads, what it cannot read.
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const deletedBefore = Y.createDeleteSetFromStructStore(copy.store)
  try {
    yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(DRAFT_FRAGMENT), draftSchema).check()
  } catch (error) {
    return `not a document of the schema: ${error instanceof Error ? error.message : String(error)}`
  }
  if (!Y.equalDeleteSets(deletedBefore, Y.createDeleteSetFromStructStore(copy.store))) {
    return 'an editor would delete part of the draft it cannot read'
  }
  copy.destroy()
  const uids = new Set<unknown>()
  let problem: string | null = null
  forEachBlock(doc, (block) => {
    const uid = block.getAttribute('uid')
    if (!isUid(uid)) problem ??= `a block's uid is ${JSON.stringify(uid)}`
    else if (uids.has(uid)) problem ??= `the uid ${uid} is twice in the draft`
    uids.add(uid)
    if (textsOf(block).some((text) => Object.keys(text.getAttributes()).length > 0)) {
      problem ??= 'a text has attributes'
    }
    return true
  })
  return problem
}
