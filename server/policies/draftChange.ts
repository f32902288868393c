import { roleAllows, type Role } from '../../shared/permissions.ts'
import {
  BRACKETED_MARK,
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  MARKS_KEPT_IN_PROPOSALS,
  PROPOSABLE_BLOCKS,
  isDeletionKey,
  isOwnOpenRef,
  isOwnRef,
  proposerOf,
  type ProposalRecord,
  type Proposer,
} from '../../shared/draft/index.ts'
import type {
  BlockContents,
  DraftChange,
  TextAttributes,
} from '../collab/validation/draftChanges.ts'
import { judgeAdRefChange } from './adReferendum.ts'

/** Who is changing the draft, as the update validator knows them. */
export interface DraftWriter {
  role: Role | null
  delegation: string | null
}

/** Looks up a proposal's record (open or decided) by id. */
export type ProposalLookup = (proposalId: string) => ProposalRecord | undefined

const isRefKey = (key: string) =>
  key === INSERTION_MARK ||
  isDeletionKey(key) ||
  key === INSERTED_BY_ATTR ||
  key === DELETED_BY_ATTR

/**
 * Whether a writer may make a change to the draft: null when allowed, otherwise why not.
 * Rules look at values as well as names: a proposal mark or attribute is added only where none
 * was, or replaces only the writer's own; a writer names only its own proposals.
 * Co-facilitators edit directly but never write a proposal in another's name; a delegation may
 * only add content marked as its own proposal, add its own deletion marks, and change or remove
 * its own open proposals. Nobody changes a paragraph agreed ad referendum (`adReferendum.ts`).
 */
export function judgeDraftChange(
  change: DraftChange,
  writer: DraftWriter,
  records: ProposalLookup,
): string | null {
  if (change.kind === 'outsideDraft') return `Only the server writes "${change.name}".`
  const closed = judgeAdRefChange(change)
  if (closed) return closed
  const delegation = proposerOf(writer.role, writer.delegation)
  if (!roleAllows(writer.role, 'propose') || delegation === null) {
    return 'You may not change the text.'
  }
  const proposer: Proposer = { delegation, records }
  return roleAllows(writer.role, 'edit')
    ? judgeEditorChange(change, proposer)
    : judgeProposerChange(change, proposer)
}

/** A co-facilitator's change: anything, but proposals only in the co-facilitators' name. */
function judgeEditorChange(change: DraftChange, proposer: Proposer): string | null {
  const forged = 'Proposals may only be written in your own name.'
  switch (change.kind) {
    case 'textInserted':
      return refsAreOwn(change.attributes, proposer) ? null : forged
    case 'textFormatted':
      for (const [key, after] of Object.entries(change.after)) {
        if (isRefKey(key) && !isRefChangeAllowed(change.before[key], after, proposer, true)) {
          return forged
        }
      }
      return null
    case 'blockInserted':
      return blockRefsAreOwn(change.block, proposer) ? null : forged
    case 'blockAttributeChanged':
      if (!isRefKey(change.key)) return null
      return isRefChangeAllowed(change.before, change.after, proposer, true) ? null : forged
    case 'textDeleted':
    case 'blockDeleted':
      return null
    case 'outsideDraft':
      return `Only the server writes "${change.name}".`
  }
}

/** A delegation's change: proposals of its own, nothing else. */
function judgeProposerChange(change: DraftChange, proposer: Proposer): string | null {
  switch (change.kind) {
    case 'textInserted':
      if (BRACKETED_MARK in change.attributes && !(BRACKETED_MARK in change.surrounding)) {
        return BRACKETS_ARE_THE_CO_FACILITATORS
      }
      return isOwnInsertion(withoutBrackets(change.attributes), proposer)
        ? null
        : 'New text must be marked as your delegation’s proposal.'
    case 'textDeleted':
      return isOwnOpenRef(change.attributes[INSERTION_MARK], proposer)
        ? null
        : 'Only your own proposed text can be removed; propose a deletion instead.'
    case 'textFormatted':
      for (const [key, after] of Object.entries(change.after)) {
        if (key === BRACKETED_MARK) return BRACKETS_ARE_THE_CO_FACILITATORS
        if (!isDeletionKey(key)) return 'Formatting and accepting text is for the co-facilitators.'
        if (!isRefChangeAllowed(change.before[key], after, proposer, false)) {
          return 'You may only add or withdraw your own deletion marks.'
        }
      }
      return null
    case 'blockInserted':
      return isOwnBlock(change.block, proposer)
        ? null
        : 'A new block must be marked, with all its text, as your delegation’s proposal.'
    case 'blockDeleted':
      if (!isOwnOpenRef(change.attributes[INSERTED_BY_ATTR], proposer)) {
        return 'Only your own proposed blocks can be removed; propose a deletion instead.'
      }
      // Removing the block removes everything in it: another delegation's words or marks
      // there, or text made agreed meanwhile, are not the writer's to remove.
      return refsAreOwn(change.attributes, proposer) && holdsOnlyOwn(change.contents(), proposer)
        ? null
        : 'This proposed block now holds text or proposals of others: it cannot be removed.'
    case 'blockAttributeChanged':
      if (change.key !== DELETED_BY_ATTR) return `The "${change.key}" of a block cannot be changed.`
      return isRefChangeAllowed(change.before, change.after, proposer, false)
        ? null
        : 'You may only propose, or withdraw, your own deletion of a block.'
    case 'outsideDraft':
      return `Only the server writes "${change.name}".`
  }
}

const BRACKETS_ARE_THE_CO_FACILITATORS = 'Only the co-facilitators place or remove brackets.'

/**
 * New text inside brackets stays inside them (the editor gives it the mark, so that the run
 * is not cut in two): a delegation's text may carry the mark only where the text it went into
 * had it, which the caller checks; the rest of its formatting is judged without it.
 */
function withoutBrackets(attributes: TextAttributes): TextAttributes {
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => key !== BRACKETED_MARK))
}

/**
 * A proposal ref going from `before` to `after` (null or undefined: none): added where none
 * was, withdrawn or replaced only when the one there is the writer's own and open, and only
 * ever the writer's own added. `mayRemoveOthers`: a co-facilitator clearing others' marks.
 */
function isRefChangeAllowed(
  before: unknown,
  after: unknown,
  proposer: Proposer,
  mayRemoveOthers: boolean,
): boolean {
  const hadRef = before !== null && before !== undefined
  const hasRef = after !== null && after !== undefined
  if (hasRef && !isOwnRef(after, proposer)) return false
  if (!hadRef) return true
  if (isOwnOpenRef(before, proposer)) return true
  return !hasRef && mayRemoveOthers
}

/** Every run is the writer's proposed text, every ref inside is the writer's own. */
function holdsOnlyOwn(contents: BlockContents, proposer: Proposer): boolean {
  return (
    contents.runs.every(
      (run) => isOwnRef(run[INSERTION_MARK], proposer) && refsAreOwn(run, proposer),
    ) && contents.blocks.every((attributes) => refsAreOwn(attributes, proposer))
  )
}

/** Exactly the writer's insertion mark, and marks proposals may keep (italics). */
function isOwnInsertion(attributes: TextAttributes, proposer: Proposer): boolean {
  return (
    isOwnRef(attributes[INSERTION_MARK], proposer) &&
    Object.keys(attributes).every(
      (key) => key === INSERTION_MARK || MARKS_KEPT_IN_PROPOSALS.includes(key),
    )
  )
}

/** Every proposal ref among the attributes is the writer's own. */
function refsAreOwn(attributes: Record<string, unknown>, proposer: Proposer): boolean {
  return Object.entries(attributes).every(
    ([key, value]) => !isRefKey(key) || value === null || isOwnRef(value, proposer),
  )
}

type BlockLike = {
  nodeName: string
  getAttributes(): Record<string, unknown>
  getAttribute(name: string): unknown
  toArray(): unknown[]
}
type TextLike = { toDelta(): { insert: unknown; attributes?: TextAttributes }[] }

const isTextLike = (value: unknown): value is TextLike =>
  typeof value === 'object' && value !== null && 'toDelta' in value

/** A new block whose proposal refs, and those of everything in it, are the writer's own. */
function blockRefsAreOwn(block: BlockLike, proposer: Proposer): boolean {
  if (!refsAreOwn(block.getAttributes(), proposer)) return false
  return block
    .toArray()
    .every((child) =>
      isTextLike(child)
        ? child.toDelta().every((op) => refsAreOwn(op.attributes ?? {}, proposer))
        : blockRefsAreOwn(child as BlockLike, proposer),
    )
}

function isOwnBlock(block: BlockLike, proposer: Proposer): boolean {
  const isProposable = (PROPOSABLE_BLOCKS as readonly string[]).includes(block.nodeName)
  if (!isProposable || !isOwnRef(block.getAttribute(INSERTED_BY_ATTR), proposer)) return false
  if (block.getAttribute(DELETED_BY_ATTR) !== undefined) return false
  return block.toArray().every((child) => isOwnContent(child, proposer))
}

// Inside a proposed block, children (an objective's title, commitment and actions) carry no
// block proposal of their own, but all their text must be the writer's insertion.
function isOwnContent(child: unknown, proposer: Proposer): boolean {
  if (isTextLike(child)) {
    return child.toDelta().every((op) => isOwnInsertion(op.attributes ?? {}, proposer))
  }
  const block = child as BlockLike
  if (block.getAttribute(DELETED_BY_ATTR) !== undefined) return false
  const insertedBy = block.getAttribute(INSERTED_BY_ATTR)
  if (insertedBy !== undefined && !isOwnRef(insertedBy, proposer)) return false
  return block.toArray().every((grandchild) => isOwnContent(grandchild, proposer))
}
