import * as Y from 'yjs'
import {
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  PROPOSALS_MAP,
  ProposalRecord,
  refOf,
  type ProposalRef,
} from '../../shared/draft/index.ts'
import type { DraftChange } from './validation/draftChanges.ts'

/** The records map of a draft document (server-written). */
export const proposalsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(PROPOSALS_MAP)

export function readProposal(doc: Y.Doc, id: string): ProposalRecord | undefined {
  const parsed = ProposalRecord.safeParse(proposalsMap(doc).get(id))
  return parsed.success ? parsed.data : undefined
}

export function readProposals(doc: Y.Doc): ProposalRecord[] {
  const records: ProposalRecord[] = []
  for (const value of proposalsMap(doc).values()) {
    const parsed = ProposalRecord.safeParse(value)
    if (parsed.success) records.push(parsed.data)
  }
  return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}

const uidOf = (element: Y.XmlElement | null): string | null => {
  const uid = element?.getAttribute('uid')
  return typeof uid === 'string' ? uid : null
}

function enclosingObjective(element: Y.XmlElement | null): Y.XmlElement | null {
  for (let node: unknown = element; node instanceof Y.XmlElement; node = node.parent) {
    if (node.nodeName === 'objective') return node
  }
  return null
}

/** The proposal references a change carries, with the block it was made in. */
function refsOf(change: DraftChange): { ref: ProposalRef; block: Y.XmlElement | null }[] {
  const found: { ref: ProposalRef; block: Y.XmlElement | null }[] = []
  const add = (value: unknown, block: Y.XmlElement | null) => {
    const ref = refOf(value)
    if (ref) found.push({ ref, block })
  }
  switch (change.kind) {
    case 'textInserted':
      add(change.attributes[INSERTION_MARK], change.block)
      break
    case 'textFormatted':
      for (const [key, value] of Object.entries(change.after)) {
        if (key.startsWith(DELETION_MARK)) add(value, change.block)
      }
      break
    case 'blockInserted':
      add(change.block.getAttribute(INSERTED_BY_ATTR), change.block)
      break
    case 'blockAttributeChanged':
      if (change.key === DELETED_BY_ATTR) add(change.after, change.block)
      break
    default:
      break
  }
  return found
}

/** The record of a proposal when it is first seen: open, attributed to its author. */
export function openProposalRecord(props: {
  id: string
  delegation: string
  author: { userId: number; name: string }
  objectiveUid: string | null
  blockUid: string | null
  now: Date
}): ProposalRecord {
  return {
    id: props.id,
    status: 'open',
    delegation: props.delegation,
    authorUserId: props.author.userId,
    authorName: props.author.name,
    objectiveUid: props.objectiveUid,
    blockUid: props.blockUid,
    createdAt: props.now.toISOString(),
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
    rationale: '',
    supporters: [],
    comments: [],
  }
}

/**
 * Creates the record of every proposal an accepted update introduced, attributed to the
 * connection's user and delegation, in one server transaction (`transact`), and only when
 * there is one: an empty transaction per keystroke would still run every observer.
 */
export function recordNewProposals(props: {
  doc: Y.Doc
  changes: readonly DraftChange[]
  author: { userId: number; name: string }
  now: Date
  transact: (write: () => void) => void
}): ProposalRecord[] {
  const { doc, changes, author, now } = props
  const map = proposalsMap(doc)
  const created = new Map<string, ProposalRecord>()
  for (const change of changes) {
    for (const { ref, block } of refsOf(change)) {
      if (map.has(ref.proposalId) || created.has(ref.proposalId)) continue
      created.set(
        ref.proposalId,
        openProposalRecord({
          id: ref.proposalId,
          delegation: ref.delegation,
          author,
          objectiveUid: uidOf(enclosingObjective(block)),
          blockUid: uidOf(block),
          now,
        }),
      )
    }
  }
  if (created.size > 0) {
    props.transact(() => {
      for (const record of created.values()) proposalsMap(doc).set(record.id, record)
    })
  }
  return [...created.values()]
}
