import { roleAllows, type Role } from '../../shared/permissions.ts'
import {
  CO_FACILITATORS,
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  PROPOSABLE_BLOCKS,
  ProposalRef,
  type ProposalRecord,
} from '../../shared/draft/index.ts'
import type { DraftChange, TextAttributes } from '../collab/validation/draftChanges.ts'

/** Who is changing the draft, as the update validator knows them. */
export interface DraftWriter {
  role: Role | null
  delegation: string | null
}

/** Looks up a proposal's record (open or decided) by id. */
export type ProposalLookup = (proposalId: string) => ProposalRecord | undefined

const isDeletionKey = (key: string) => key === DELETION_MARK || key.startsWith(`${DELETION_MARK}--`)

/** The delegation a writer's proposals are attributed to. */
export const proposerOf = (writer: DraftWriter): string | null =>
  writer.role === 'coFacilitator' ? CO_FACILITATORS : writer.delegation

/**
 * Whether a writer may make a change to the draft: null when allowed, otherwise why not.
 * Co-facilitators edit directly; a delegation may only add content marked as its own
 * proposal, add its own deletion marks, and change or remove its own open proposals.
 */
export function judgeDraftChange(
  change: DraftChange,
  writer: DraftWriter,
  proposals: ProposalLookup,
): string | null {
  if (change.kind === 'outsideDraft') return `Only the server writes "${change.name}".`
  if (roleAllows(writer.role, 'edit')) return null
  if (!roleAllows(writer.role, 'propose')) return 'You may not change the text.'
  const proposer = proposerOf(writer)
  // A reference is the writer's own when it names the writer and a proposal that is new or
  // still open and theirs.
  const isOwn = (value: unknown): boolean => {
    const ref = ProposalRef.safeParse(value)
    if (!ref.success || ref.data.delegation !== proposer) return false
    const record = proposals(ref.data.proposalId)
    return !record || (record.status === 'open' && record.delegation === proposer)
  }
  const isOwnOpen = (value: unknown): boolean => {
    const ref = ProposalRef.safeParse(value)
    return ref.success && isOwn(value) && proposals(ref.data.proposalId) !== undefined
  }

  switch (change.kind) {
    case 'textInserted':
      return isOwnInsertion(change.attributes, isOwn)
        ? null
        : 'New text must be marked as your delegation’s proposal.'
    case 'textDeleted':
      return isOwnOpen(change.attributes[INSERTION_MARK])
        ? null
        : 'Only your own proposed text can be removed; propose a deletion instead.'
    case 'textFormatted':
      for (const [key, after] of Object.entries(change.after)) {
        if (!isDeletionKey(key)) return 'Formatting and accepting text is for the co-facilitators.'
        const isAllowed = after === null ? isOwnOpen(change.before[key]) : isOwn(after)
        if (!isAllowed) return 'You may only add or withdraw your own deletion marks.'
      }
      return null
    case 'blockInserted':
      return isOwnBlock(change.block, isOwn)
        ? null
        : 'A new block must be marked, with all its text, as your delegation’s proposal.'
    case 'blockDeleted':
      return isOwnOpen(change.attributes[INSERTED_BY_ATTR])
        ? null
        : 'Only your own proposed blocks can be removed; propose a deletion instead.'
    case 'blockAttributeChanged':
      if (change.key !== DELETED_BY_ATTR) return `The "${change.key}" of a block cannot be changed.`
      return (
        change.after === null || change.after === undefined
          ? isOwnOpen(change.before)
          : isOwn(change.after)
      )
        ? null
        : 'You may only propose, or withdraw, your own deletion of a block.'
  }
}

function isOwnInsertion(attributes: TextAttributes, isOwn: (value: unknown) => boolean): boolean {
  return (
    isOwn(attributes[INSERTION_MARK]) &&
    Object.keys(attributes).every((key) => key === INSERTION_MARK || key === 'italic')
  )
}

type BlockLike = {
  nodeName: string
  getAttribute(name: string): unknown
  toArray(): unknown[]
}
type TextLike = { toDelta(): { insert: unknown; attributes?: TextAttributes }[] }

const isTextLike = (value: unknown): value is TextLike =>
  typeof value === 'object' && value !== null && 'toDelta' in value

function isOwnBlock(block: BlockLike, isOwn: (value: unknown) => boolean): boolean {
  const isProposable = (PROPOSABLE_BLOCKS as readonly string[]).includes(block.nodeName)
  if (!isProposable || !isOwn(block.getAttribute(INSERTED_BY_ATTR))) return false
  if (block.getAttribute(DELETED_BY_ATTR)) return false
  return block.toArray().every((child) => isOwnContent(child, isOwn))
}

// Inside a proposed block, children (an objective's title, commitment and actions) carry no
// block proposal of their own, but all their text must be the writer's insertion.
function isOwnContent(child: unknown, isOwn: (value: unknown) => boolean): boolean {
  if (isTextLike(child)) {
    return child.toDelta().every((op) => isOwnInsertion(op.attributes ?? {}, isOwn))
  }
  const block = child as BlockLike
  if (block.getAttribute(DELETED_BY_ATTR)) return false
  const insertedBy = block.getAttribute(INSERTED_BY_ATTR)
  if (insertedBy && !isOwn(insertedBy)) return false
  return block.toArray().every((grandchild) => isOwnContent(grandchild, isOwn))
}
