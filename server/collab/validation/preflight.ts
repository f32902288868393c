import * as Y from 'yjs'
import { DRAFT_ROOTS } from '../../../shared/draft/index.ts'
import { findContaining, hasUnresolvableDependencies } from './dependencies.ts'
import type { ClientOwner } from '../../storage/DocumentStore.ts'
import { needsMissingHistory } from './missingHistory.ts'

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** What the checks of a decoded update found, before anything is applied. */
export type PreflightVerdict =
  /** Go on; `newClients` are client ids nobody owns yet, which the writer claims. */
  | { kind: 'proceed'; newClients: number[] }
  /** Depends on history the room lacks: neither applied nor refused. */
  | { kind: 'setAside' }
  | { kind: 'refuse'; message: string }

/**
 * Checks a client's update from its decoded form alone, in one pass over its structs and
 * before the document is touched: what can be refused without applying anything is refused
 * here, at the cost of the decoding the sender paid for.
 * - Structs under a client id that another user (or the server) wrote under first are refused:
 *   a delegation must not write in a co-facilitator's name, nor break their client's history.
 * - An update needing history the room lacks is set aside (the client resends it in order).
 * - Structs that can never be integrated (a dependency cycle) are refused.
 * - Only the draft's roots, and only content the draft can hold, are named.
 */
export function preflightUpdate(
  update: DecodedUpdate,
  props: {
    stateOf: (client: number) => number
    ownerOf: (client: number) => ClientOwner | undefined
    writer: number
    /** The item holding `id` in the document, for parents named by id. */
    itemAt: (id: Y.ID) => Y.Item | Y.GC | undefined
  },
): PreflightVerdict {
  const { stateOf, ownerOf, writer } = props
  const newClients = new Set<number>()
  for (const struct of update.structs) {
    if (struct instanceof Y.Skip) continue
    const { client, clock } = struct.id
    // Structs the room has already are no write: clients resend them after a reconnection.
    if (clock + struct.length <= stateOf(client)) continue
    const owner = ownerOf(client)
    if (owner === undefined) newClients.add(client)
    else if (owner !== writer) {
      return { kind: 'refuse', message: 'You may not write under another participant’s client id.' }
    }
  }
  if (needsMissingHistory(update, stateOf)) return { kind: 'setAside' }
  if (hasUnresolvableDependencies(update, stateOf)) {
    return { kind: 'refuse', message: 'The update names structs that can never be integrated.' }
  }
  const problem = contentProblem(update, props.itemAt)
  if (problem) return { kind: 'refuse', message: problem }
  return { kind: 'proceed', newClients: [...newClients] }
}

function contentProblem(
  update: DecodedUpdate,
  itemAt: (id: Y.ID) => Y.Item | Y.GC | undefined,
): string | null {
  const ownStructs = new Map<number, Y.Item[]>()
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue
    const list = ownStructs.get(struct.id.client)
    if (list) list.push(struct)
    else ownStructs.set(struct.id.client, [struct])
  }
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue
    // Decoded alone, an item names a root by its name (a string, which Yjs's types omit).
    const parent: unknown = struct.parent
    const { content } = struct
    if (typeof parent === 'string' && !DRAFT_ROOTS.includes(parent)) {
      return `The document has no "${parent.slice(0, 40)}".`
    }
    if (parent instanceof Y.ID) {
      const holder = itemAt(parent) ?? findContaining(ownStructs.get(parent.client), parent)
      if (holder instanceof Y.Item && !(holder.content instanceof Y.ContentType)) {
        return 'Only a shared type holds other items.'
      }
    }
    if (!isDraftContent(content)) return 'The draft holds only blocks, text and plain values.'
  }
  return null
}

/** Content a draft's document may hold: text, formats, blocks, texts, plain values (no subdocuments, embeds, binaries, nor maps or arrays of its own). */
function isDraftContent(content: Y.Item['content']): boolean {
  if (
    content instanceof Y.ContentString ||
    content instanceof Y.ContentFormat ||
    content instanceof Y.ContentAny ||
    content instanceof Y.ContentDeleted
  ) {
    return true
  }
  if (!(content instanceof Y.ContentType)) return false
  const type: unknown = content.type
  return type instanceof Y.XmlElement || type instanceof Y.XmlText
}
