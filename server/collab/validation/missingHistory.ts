import * as Y from 'yjs'

/**
 * Whether an update needs history the document does not have, read off the decoded update
 * alone: a gap in a client's clocks, an item placed next to or inside an item nobody sent, or a
 * deletion of content not yet known. Yjs would keep such an update pending; the validator would
 * then have to rebuild its shadow copy of the whole document. A client sends one after one of
 * its updates was refused (what follows depended on it), or a hostile script does, as fast as
 * it likes: caught here, it costs a walk of the update, not a copy of the draft.
 */
export function needsMissingHistory(
  update: ReturnType<typeof Y.decodeUpdate>,
  stateOf: (client: number) => number,
): boolean {
  // What the document will know of each client once the update's own structs are in.
  const known = new Map<number, number>()
  const knownOf = (client: number) => known.get(client) ?? stateOf(client)
  for (const struct of update.structs) {
    // A skip stands for clocks the update does not carry: the next struct shows the gap.
    if (struct instanceof Y.Skip) continue
    const { client, clock } = struct.id
    const before = knownOf(client)
    if (clock > before) return true
    known.set(client, Math.max(before, clock + struct.length))
  }
  const isUnknown = (id: Y.ID | null) => id !== null && id.clock >= knownOf(id.client)
  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue
    if (isUnknown(struct.origin) || isUnknown(struct.rightOrigin)) return true
    if (struct.parent instanceof Y.ID && isUnknown(struct.parent)) return true
  }
  for (const [client, deletions] of update.ds.clients) {
    for (const { clock, len } of deletions) if (clock + len > knownOf(client)) return true
  }
  return false
}
