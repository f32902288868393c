import type * as Y from 'yjs'

/**
 * Whether everything in `local` is also in `stored`: every client's clock, and every deleted
 * range. A state vector alone is not enough: in Yjs a deletion adds no struct and advances no
 * clock, so an unsaved deletion would look saved. The server sends the snapshot it has committed
 * (`MessageType.stored`) and the client shows "saved" only while this holds for its own state.
 */
export function isSnapshotContained(local: Y.Snapshot, stored: Y.Snapshot): boolean {
  for (const [client, clock] of local.sv) {
    if ((stored.sv.get(client) ?? 0) < clock) return false
  }
  for (const [client, ranges] of local.ds.clients) {
    const storedRanges = stored.ds.clients.get(client) ?? []
    for (const range of ranges) {
      if (!isRangeCovered(range.clock, range.clock + range.len, storedRanges)) return false
    }
  }
  return true
}

// Stored delete-set ranges are sorted and merged by Yjs when a snapshot is encoded, but a
// range of ours may still span several adjacent stored ranges, so walk them in order.
function isRangeCovered(
  start: number,
  end: number,
  ranges: readonly { clock: number; len: number }[],
): boolean {
  let covered = start
  for (const range of ranges) {
    if (range.clock > covered) continue
    const rangeEnd = range.clock + range.len
    if (rangeEnd > covered) covered = rangeEnd
    if (covered >= end) return true
  }
  return covered >= end
}
