import * as Y from 'yjs'
import {
  BRACKETED_MARK,
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  PROPOSABLE_BLOCKS,
  PROPOSALS_MAP,
  deletionKey,
  refOf,
  type ProposalRecord,
} from '../../../shared/draft/index.ts'
import type { Random } from '../random.ts'
import { allBlocks, allTexts, textsOf } from './draftBlocks.ts'

type Delta = { insert: unknown; attributes?: Record<string, unknown> }[]

/**
 * A delegation proposing as its editor would, through the Yjs API of a synced client: new
 * words, deletions of words or blocks, a new paragraph or action, and changes to its own open
 * proposals. Every one of these must be accepted by the server.
 */
export function proposeHonestly(
  doc: Y.Doc,
  random: Random,
  delegation: string,
  newProposalId: () => string,
): string {
  const records = doc.getMap(PROPOSALS_MAP).toJSON() as Record<string, ProposalRecord>
  const isOwnOpen = (value: unknown) => {
    const ref = refOf(value)
    return ref?.delegation === delegation && records[ref.proposalId]?.status === 'open'
  }
  const texts = allTexts(doc)
  const text = random.pick(texts)
  switch (random.int(5)) {
    case 0: {
      const index = random.int(text.length + 1)
      text.insert(index, random.text(10), {
        [INSERTION_MARK]: { proposalId: newProposalId(), delegation },
      })
      return `propose words at ${index}`
    }
    case 1: {
      if (text.length === 0) return 'nothing to delete'
      const index = random.int(text.length)
      const length = 1 + random.int(Math.min(10, text.length - index))
      const ref = { proposalId: newProposalId(), delegation }
      text.format(index, length, { [deletionKey(ref)]: ref })
      return `propose deleting ${index}+${length}`
    }
    case 2: {
      // Shorten one of its own open insertions.
      let index = 0
      for (const op of text.toDelta() as Delta) {
        const length = typeof op.insert === 'string' ? op.insert.length : 1
        if (isOwnOpen(op.attributes?.[INSERTION_MARK])) {
          text.delete(index, 1 + random.int(length))
          return `shorten its own words at ${index}`
        }
        index += length
      }
      return 'no words of its own'
    }
    case 3: {
      const candidates = allBlocks(doc).filter(
        (block) =>
          (PROPOSABLE_BLOCKS as readonly string[]).includes(block.nodeName) &&
          block.nodeName !== 'objective' &&
          block.getAttribute(DELETED_BY_ATTR) === undefined &&
          block.getAttribute(INSERTED_BY_ATTR) === undefined,
      )
      if (candidates.length === 0) return 'no block to delete'
      const block = random.pick(candidates)
      const ref = { proposalId: newProposalId(), delegation }
      block.setAttribute(DELETED_BY_ATTR, ref as unknown as string)
      return `propose deleting block ${String(block.getAttribute('uid'))}`
    }
    default: {
      const anchors = allBlocks(doc).filter((block) =>
        ['paragraph', 'action'].includes(block.nodeName),
      )
      const anchor = random.pick(anchors)
      const parent = anchor.parent as Y.XmlElement
      const ref = { proposalId: newProposalId(), delegation }
      const block = new Y.XmlElement(anchor.nodeName)
      // From the seed, not newUid(): a failing seed must replay the same uids.
      block.setAttribute('uid', `ph${random.int(36 ** 8).toString(36)}`)
      block.setAttribute(INSERTED_BY_ATTR, ref as unknown as string)
      const words = new Y.XmlText()
      block.insert(0, [words])
      doc.transact(() => {
        parent.insert(parent.toArray().indexOf(anchor) + 1, [block])
        words.insert(0, random.text(12), { [INSERTION_MARK]: ref })
      })
      return `propose a new ${anchor.nodeName}`
    }
  }
}

/** A co-facilitator editing directly: plain words, deletions, italics. */
export function editDirectly(doc: Y.Doc, random: Random): string {
  const texts = allBlocks(doc)
    .filter((block) => block.getAttribute(INSERTED_BY_ATTR) === undefined)
    .flatMap(textsOf)
  const text = random.pick(texts)
  switch (random.int(4)) {
    case 3: {
      if (text.length === 0) return 'nothing to bracket'
      const index = random.int(text.length)
      const value = random.chance(0.6) ? {} : null
      text.format(index, 1 + random.int(Math.min(8, text.length - index)), {
        [BRACKETED_MARK]: value,
      })
      return `co-facilitator ${value ? 'places' : 'removes'} brackets at ${index}`
    }
    case 0: {
      const index = random.int(text.length + 1)
      // Explicit attributes: none, whatever the words around carry.
      text.insert(index, random.text(6), {})
      return `co-facilitator writes at ${index}`
    }
    case 1: {
      if (text.length < 2) return 'nothing to delete'
      const index = random.int(text.length - 1)
      text.delete(index, 1 + random.int(Math.min(4, text.length - index - 1)))
      return `co-facilitator deletes at ${index}`
    }
    default: {
      if (text.length === 0) return 'nothing to format'
      const index = random.int(text.length)
      text.format(index, 1 + random.int(Math.min(6, text.length - index)), { italic: {} })
      return `co-facilitator italicises at ${index}`
    }
  }
}
