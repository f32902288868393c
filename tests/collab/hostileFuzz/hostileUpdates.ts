import * as Y from 'yjs'
import {
  AD_REF_ATTR,
  BRACKETED_MARK,
  CO_FACILITATORS_MARKS,
  DELETED_BY_ATTR,
  DRAFT_FRAGMENT,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  ITALIC_MARK,
  PROPOSALS_MAP,
  SILENCE_MAP,
  deletionKey,
  type ProposalRef,
} from '../../../shared/draft/index.ts'
import {
  cyclicUpdate,
  deleteItems,
  gappedUpdate,
  insertFormatMarker,
} from '../../faults/craftedUpdates.ts'
import type { Random } from '../random.ts'
import { allBlocks, allTexts } from './draftBlocks.ts'

/** What a hostile delegation knows when it crafts its next update. */
export interface HostileContext {
  random: Random
  delegation: string
  /** The room's state, as a synced client holds it. */
  base: Uint8Array
  /** Client ids this user wrote under before, and those of everyone else. */
  ownClientIds: readonly number[]
  othersClientIds: readonly number[]
  /** Refs found in the draft (everyone's), and this delegation's own open proposals. */
  refsInDraft: readonly ProposalRef[]
  ownOpenIds: readonly string[]
  /** Updates sent earlier (by anyone), to replay. */
  earlier: readonly Uint8Array[]
  /** A fresh proposal id. */
  newProposalId: () => string
}

export interface HostileUpdate {
  update: Uint8Array
  description: string
}

const NODE_NAMES = [
  'paragraph',
  'action',
  'principle',
  'objective',
  'section',
  'sectionTitle',
  'commitment',
  'bogus',
]
const BLOCK_KEYS = ['uid', INSERTED_BY_ATTR, DELETED_BY_ATTR, AD_REF_ATTR, 'kind', 'evil']

/**
 * One update a delegation's engineer could send, built from every operation the Yjs format
 * allows: text with any attributes, formats, redundant and overlapping format markers,
 * deletions across agreed and proposed text, blocks with any attributes and children,
 * attributes of texts, nested types, writes outside the draft, other users' client ids,
 * cycles, gaps, replays and damaged bytes. Most are refused; some are allowed proposals.
 */
export function hostileUpdate(context: HostileContext): HostileUpdate {
  const { random } = context
  const roll = random.next()
  if (roll < 0.04) {
    const [a, b] = [3_000_000 + random.int(1_000_000), 4_000_000 + random.int(1_000_000)]
    return { update: cyclicUpdate(a, b), description: `cycle ${a} ${b}` }
  }
  if (roll < 0.07) {
    return {
      update: gappedUpdate(5_000_000 + random.int(1_000_000), 1 + random.int(20)),
      description: 'gap',
    }
  }
  if (roll < 0.12 && context.earlier.length > 0) {
    const index = random.int(context.earlier.length)
    const replayed = context.earlier[index]!
    if (random.chance(0.5)) return { update: replayed, description: `replay ${index}` }
    const damaged = replayed.slice()
    damaged[random.int(damaged.length)] = random.int(256)
    return { update: damaged, description: `replay ${index}, one byte damaged` }
  }

  const doc = new Y.Doc()
  Y.applyUpdate(doc, context.base)
  // Half the updates look like a proposal of its own (one operation, its own refs), so that
  // many are stored and the next ones build on what the room accepted, as a patient attacker's
  // would; the other half are anything at all.
  const isPlausible = random.chance(0.5)
  doc.clientID =
    isPlausible && context.ownClientIds.length > 0 && random.chance(0.5)
      ? random.pick(context.ownClientIds)
      : pickClientId(context)
  const before = Y.encodeStateVector(doc)
  const descriptions: string[] = [`${isPlausible ? 'plausible ' : ''}as client ${doc.clientID}`]
  const count = isPlausible ? 1 : 1 + random.int(3)
  const operating = { ...context, isPlausible }
  doc.transact(() => {
    for (let n = 0; n < count; n++) {
      descriptions.push(isPlausible ? operatePlausibly(doc, operating) : operate(doc, operating))
    }
  })
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return { update, description: descriptions.join('; ') }
}

function pickClientId({ random, ownClientIds, othersClientIds }: HostileContext): number {
  const roll = random.next()
  if (roll < 0.12 && othersClientIds.length > 0) return random.pick(othersClientIds)
  if (roll < 0.3 && ownClientIds.length > 0) return random.pick(ownClientIds)
  return 10_000_000 + random.int(2 ** 31 - 10_000_000)
}

/** What an operation knows: the context, and whether to stay with the delegation's own refs. */
type OperationContext = HostileContext & { isPlausible: boolean }

function operate(doc: Y.Doc, context: OperationContext): string {
  const { random } = context
  const texts = allTexts(doc)
  const blocks = allBlocks(doc)
  const text = texts.length > 0 ? random.pick(texts) : null
  const block = blocks.length > 0 ? random.pick(blocks) : null
  switch (random.int(12)) {
    case 0: {
      if (!text) return 'no text'
      const index = random.int(text.length + 1)
      const attributes = randomAttributes(context)
      text.insert(index, random.text(8), attributes)
      return `insert at ${index} ${JSON.stringify(attributes)}`
    }
    case 1: {
      if (!text || text.length === 0) return 'no text'
      const [index, length] = randomRange(random, text.length)
      const attributes = randomAttributes(context, true)
      text.format(index, length, attributes)
      return `format ${index}+${length} ${JSON.stringify(attributes)}`
    }
    case 2: {
      if (!text || text.length === 0) return 'no text'
      const [index, length] = randomRange(random, text.length)
      text.delete(index, length)
      return `delete ${index}+${length}`
    }
    case 3: {
      if (!text) return 'no text'
      const index = random.int(text.length + 1)
      const [key, value] = randomAttribute(context, true)
      insertFormatMarker(text, index, key, value)
      return `marker at ${index} ${key}=${JSON.stringify(value)}`
    }
    case 4: {
      if (!text) return 'no text'
      const which = random.int(3)
      deleteItems(text, (item) =>
        which === 0
          ? item.content instanceof Y.ContentFormat && random.chance(0.5)
          : which === 1
            ? item.id.client === doc.clientID || random.chance(0.1)
            : random.chance(0.3),
      )
      return `delete items (${['formats', 'own', 'any'][which]})`
    }
    case 5: {
      const parents: Y.XmlFragment[] = [doc.getXmlFragment(DRAFT_FRAGMENT), ...blocks]
      const parent = random.pick(parents)
      const element = randomBlock(context, 0)
      parent.insert(random.int(parent.length + 1), [element])
      return `block ${element.nodeName} ${JSON.stringify(element.getAttributes())}`
    }
    case 6: {
      if (!block) return 'no block'
      const key = random.pick(BLOCK_KEYS)
      const value = randomValue(context, key)
      setAttribute(block, key, value)
      return `set ${key}=${JSON.stringify(value)} on ${String(block.getAttribute('uid'))}`
    }
    case 7: {
      if (!block) return 'no block'
      const key = random.pick(BLOCK_KEYS)
      block.removeAttribute(key)
      return `remove ${key} of ${String(block.getAttribute('uid'))}`
    }
    case 8: {
      if (!block?.parent) return 'no block'
      const parent = block.parent as Y.XmlFragment
      parent.delete(parent.toArray().indexOf(block), 1)
      return `delete block ${String(block.getAttribute('uid'))}`
    }
    case 9: {
      if (!text) return 'no text'
      setAttribute(text, random.pick(['uid', 'evil', INSERTION_MARK]), random.text(3))
      return 'text attribute'
    }
    case 10: {
      if (!block) return 'no block'
      if (random.chance(0.5)) {
        const nested = random.pick([new Y.Map(), new Y.Array(), new Y.XmlFragment()])
        setAttribute(block, random.pick(BLOCK_KEYS), nested)
        return 'nested type as attribute'
      }
      block.insert(0, [
        random.chance(0.5) ? (new Y.XmlHook('hook') as unknown as Y.XmlText) : new Y.XmlText(),
      ])
      return 'nested child'
    }
    default: {
      const where = random.int(3)
      if (where === 0)
        doc.getMap(PROPOSALS_MAP).set(context.newProposalId(), { status: 'accepted' })
      else if (where === 1) doc.getMap(SILENCE_MAP).set('s', { status: 'adopted' })
      else doc.getArray('evil').insert(0, [1])
      return `outside the draft (${where})`
    }
  }
}

/**
 * An operation a delegation's own editor might make: words, deletion marks and markers under
 * its own refs, its own items deleted, a new block or a block deletion of its own. Some still
 * break a rule (a marker that reaches over agreed text once its neighbours are gone, a deletion
 * of items others rely on); most are stored, and the next updates build on them.
 */
function operatePlausibly(doc: Y.Doc, context: OperationContext): string {
  const { random } = context
  const texts = allTexts(doc)
  if (texts.length === 0) return 'no text'
  const text = random.pick(texts)
  const ref = randomRef(context) as ProposalRef
  switch (random.int(7)) {
    case 0: {
      const index = random.int(text.length + 1)
      text.insert(index, random.text(6), { [INSERTION_MARK]: ref })
      return `insert own at ${index} ${JSON.stringify(ref)}`
    }
    case 1: {
      if (text.length === 0) return 'no text'
      const [index, length] = randomRange(random, text.length)
      text.format(index, length, { [deletionKey(ref)]: random.chance(0.8) ? ref : null })
      return `deletion mark ${index}+${length} ${JSON.stringify(ref)}`
    }
    case 2: {
      const index = random.int(text.length + 1)
      const key = random.chance(0.5) ? INSERTION_MARK : deletionKey(ref)
      const value = random.chance(0.8) ? { ...ref } : null
      insertFormatMarker(text, index, key, value)
      return `marker at ${index} ${key}=${JSON.stringify(value)}`
    }
    case 3: {
      const own = new Set(context.ownClientIds)
      deleteItems(text, (item) => own.has(item.id.client) && random.chance(0.5))
      return 'delete some of its own items'
    }
    case 4: {
      const anchors = allBlocks(doc).filter((block) =>
        ['paragraph', 'action'].includes(block.nodeName),
      )
      if (anchors.length === 0) return 'no anchor'
      const anchor = random.pick(anchors)
      const parent = anchor.parent as Y.XmlElement
      const block = new Y.XmlElement(anchor.nodeName)
      setAttribute(block, 'uid', `fz${random.int(1e9).toString(36)}`)
      setAttribute(block, INSERTED_BY_ATTR, ref)
      const words = new Y.XmlText()
      block.insert(0, [words])
      parent.insert(parent.toArray().indexOf(anchor) + 1, [block])
      words.insert(0, random.text(8), { [INSERTION_MARK]: ref })
      return `new ${anchor.nodeName} ${JSON.stringify(ref)}`
    }
    case 5: {
      const blocks = allBlocks(doc).filter((block) =>
        ['paragraph', 'action'].includes(block.nodeName),
      )
      if (blocks.length === 0) return 'no block'
      const block = random.pick(blocks)
      if (random.chance(0.7)) setAttribute(block, DELETED_BY_ATTR, ref)
      else block.removeAttribute(DELETED_BY_ATTR)
      return `block deletion on ${String(block.getAttribute('uid'))}`
    }
    default: {
      if (text.length === 0) return 'no text'
      const [index, length] = randomRange(random, text.length)
      text.delete(index, length)
      return `delete ${index}+${length}`
    }
  }
}

function randomRange(random: Random, length: number): [number, number] {
  const index = random.int(length)
  return [index, 1 + random.int(Math.min(12, length - index))]
}

/** A ref of the delegation's own (new or open), another's, or a malformed one. */
function randomRef(context: OperationContext): unknown {
  const { random, delegation } = context
  switch (context.isPlausible ? random.int(3) : random.int(8)) {
    case 0:
    case 1:
      return { proposalId: context.newProposalId(), delegation }
    case 2:
      return context.ownOpenIds.length > 0
        ? { proposalId: random.pick(context.ownOpenIds), delegation }
        : { proposalId: context.newProposalId(), delegation }
    case 3:
      return context.refsInDraft.length > 0
        ? { ...random.pick(context.refsInDraft) }
        : { proposalId: context.newProposalId(), delegation: 'EGY' }
    case 4:
      return { proposalId: context.newProposalId(), delegation: 'co-facilitators' }
    case 5:
      return { proposalId: context.newProposalId(), delegation, note: 'extra' }
    case 6:
      return context.refsInDraft.length > 0
        ? { proposalId: random.pick(context.refsInDraft).proposalId, delegation }
        : { proposalId: 'x', delegation }
    default:
      return random.pick([true, 42, 'FRA', [], { proposalId: 1, delegation }])
  }
}

/** One formatting key and value: proposal marks of anyone, italics, unknown marks. */
function randomAttribute(context: OperationContext, mayClear = false): [string, unknown] {
  const { random } = context
  if (context.isPlausible && !random.chance(0.15)) {
    const ref = randomRef(context) as ProposalRef
    return random.chance(0.5) ? [INSERTION_MARK, ref] : [deletionKey(ref), ref]
  }
  if (mayClear && random.chance(0.2)) {
    // Passing the co-facilitators' own words off as agreed text, or unstriking theirs.
    // Or taking the co-facilitators' brackets off.
    if (random.chance(0.3)) return [random.pick([...CO_FACILITATORS_MARKS, BRACKETED_MARK]), null]
    const key = random.chance(0.5)
      ? INSERTION_MARK
      : context.refsInDraft.length > 0
        ? deletionKey(random.pick(context.refsInDraft))
        : ITALIC_MARK
    return [key, null]
  }
  switch (random.int(7)) {
    case 0:
    case 1:
      return [INSERTION_MARK, randomRef(context)]
    case 6:
      // The co-facilitators' own edit marks and brackets, which only they may write.
      return [
        random.pick([...CO_FACILITATORS_MARKS, BRACKETED_MARK, BRACKETED_MARK]),
        random.pick([{}, {}, { by: 'FRA' }, true]),
      ]
    case 2: {
      // A deletion mark under its ref's key, or under another ref's key.
      const ref = randomRef(context)
      const keyRef = random.chance(0.7)
        ? (ref as ProposalRef)
        : { proposalId: context.newProposalId(), delegation: 'MAR' }
      return [deletionKey(keyRef), ref]
    }
    case 3:
      return [ITALIC_MARK, random.pick([{}, true, { x: 1 }])]
    case 4:
      return [random.pick(['bold', 'deletion', 'deletion--', 'ychange']), {}]
    default:
      return [
        INSERTION_MARK,
        { proposalId: context.newProposalId(), delegation: context.delegation },
      ]
  }
}

function randomAttributes(context: OperationContext, mayClear = false): Record<string, unknown> {
  const attributes: Record<string, unknown> = {}
  const count = context.random.int(3)
  for (let n = 0; n < count; n++) {
    const [key, value] = randomAttribute(context, mayClear)
    attributes[key] = value
  }
  return attributes
}

function randomValue(context: OperationContext, key: string): unknown {
  const { random } = context
  if (key === 'uid') {
    return random.pick([`fz${random.int(1e9).toString(36)}`, 'p-01', 'obj-01', 42, 'x'.repeat(100)])
  }
  if (key === 'kind') return random.pick(['preamble', 'objectives', 'evil', 7])
  // The ad ref status, which only the co-facilitators' command writes, through the server.
  if (key === AD_REF_ATTR) return random.pick([true, true, false, 'true', {}])
  return randomRef(context)
}

function randomBlock(context: OperationContext, depth: number): Y.XmlElement {
  const { random, delegation } = context
  const element = new Y.XmlElement(random.pick(NODE_NAMES))
  if (random.chance(0.8)) {
    setAttribute(
      element,
      'uid',
      random.chance(0.8) ? `fz${random.int(1e9).toString(36)}` : random.pick(['p-02', 'obj-02', 7]),
    )
  }
  if (random.chance(0.7)) {
    setAttribute(
      element,
      INSERTED_BY_ATTR,
      random.chance(0.7) ? { proposalId: context.newProposalId(), delegation } : randomRef(context),
    )
  }
  if (random.chance(0.1)) setAttribute(element, DELETED_BY_ATTR, randomRef(context))
  if (random.chance(0.1)) setAttribute(element, 'evil', 1)
  const children = random.int(3)
  for (let n = 0; n < children; n++) {
    if (depth < 2 && random.chance(0.3)) {
      element.insert(element.length, [randomBlock(context, depth + 1)])
    } else {
      const text = new Y.XmlText()
      element.insert(element.length, [text])
      text.insert(0, random.text(6), randomAttributes(context))
    }
  }
  return element
}

/** Sets any value, as a hand-made client may (Yjs types attributes as strings). */
function setAttribute(target: Y.XmlElement | Y.XmlText, key: string, value: unknown): void {
  ;(target as Y.XmlElement).setAttribute(key, value as string)
}
