import * as Y from 'yjs'

/** Yjs's delete set (its class is not exported by name). */
export type DeleteSet = Y.Transaction['deleteSet']

/** A run of deleted clocks of one client, as Yjs's delete sets hold them. */
interface DeletedRange {
  clock: number
  len: number
}

/**
 * The document as it was before some refused transactions, built from the document after
 * them: every client's structs up to its clock before (`stateBefore`), and every deletion but
 * theirs. This needs the content those transactions deleted, so they must not have been
 * garbage-collected (the live draft keeps it while it judges). The old document is left as it
 * is; the caller drops it.
 *
 * Costs one encoding and one decoding of the whole document: it runs only for a refusal
 * that got as far as being applied, which the writer's budget bounds.
 */
export function restoreBefore(props: {
  doc: Y.Doc
  stateBefore: Map<number, number>
  deleteSets: readonly DeleteSet[]
}): Y.Doc {
  const { doc, stateBefore, deleteSets } = props
  const deletedBefore = Y.createDeleteSetFromStructStore(doc.store)
  for (const refused of deleteSets) subtractDeleteSet(deletedBefore, refused)
  // Structs the refused update brought already deleted (Yjs keeps them as GC, in no delete
  // set of a transaction) were not there before either.
  clipDeleteSet(deletedBefore, stateBefore)
  const fresh = new Y.Doc()
  // The server writes under its own client id, which it owns in the room: keep it.
  fresh.clientID = doc.clientID
  const wasCollecting = doc.gc
  // Yjs refuses to rebuild from a document that collects garbage in general, because some of
  // the content a snapshot needs may be gone; here none is (see above).
  doc.gc = false
  try {
    Y.createDocFromSnapshot(doc, Y.createSnapshot(deletedBefore, stateBefore), fresh)
  } finally {
    doc.gc = wasCollecting
  }
  return fresh
}

/** Keeps only the deletions of clocks below each client's state. */
function clipDeleteSet(deleteSet: DeleteSet, state: Map<number, number>): void {
  const clients = deleteSet.clients as Map<number, DeletedRange[]>
  for (const [client, ranges] of clients) {
    const end = state.get(client) ?? 0
    const kept = ranges
      .filter((range) => range.clock < end)
      .map((range) => ({ clock: range.clock, len: Math.min(range.len, end - range.clock) }))
    if (kept.length > 0) clients.set(client, kept)
    else clients.delete(client)
  }
}

/** Removes from `from` every clock `removed` holds (both sorted and merged, as Yjs keeps them). */
export function subtractDeleteSet(from: DeleteSet, removed: DeleteSet): void {
  const clients = from.clients as Map<number, DeletedRange[]>
  for (const [client, cuts] of removed.clients as Map<number, DeletedRange[]>) {
    const ranges = clients.get(client)
    if (!ranges) continue
    const kept: DeletedRange[] = []
    let cutIndex = 0
    for (const range of ranges) {
      let start = range.clock
      const end = range.clock + range.len
      while (start < end) {
        while (cutIndex < cuts.length && cuts[cutIndex]!.clock + cuts[cutIndex]!.len <= start) {
          cutIndex++
        }
        const cut = cuts[cutIndex]
        if (!cut || cut.clock >= end) {
          kept.push({ clock: start, len: end - start })
          break
        }
        if (cut.clock > start) kept.push({ clock: start, len: cut.clock - start })
        start = Math.min(end, cut.clock + cut.len)
      }
    }
    if (kept.length > 0) clients.set(client, kept)
    else clients.delete(client)
  }
}
