import * as Y from 'yjs'
import { isSnapshotContained } from '../../../shared/savedState.ts'
import type { ConnectionStateName, SavedStateName } from '../i18n/messages.ts'

/**
 * "Saved" only while everything in the local document, edits and deletions, is in what the
 * server has acknowledged; otherwise saving (connected) or kept offline.
 */
export function savedStateOf(
  doc: Y.Doc,
  acknowledged: Y.Snapshot | null,
  connection: ConnectionStateName,
): SavedStateName {
  if (acknowledged && isSnapshotContained(Y.snapshot(doc), acknowledged)) return 'saved'
  return connection === 'connected' ? 'saving' : 'offline-unsaved'
}

/**
 * Adds an update received from the server to what the server is known to hold: the server
 * commits every update before it broadcasts it, and only sends `stored` to clients that sent
 * something, so others' edits would otherwise make a reader look unsaved.
 */
export function acknowledgeUpdate(acknowledged: Y.Snapshot | null, update: Uint8Array): Y.Snapshot {
  const sv = new Map(acknowledged?.sv ?? [])
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if ((sv.get(client) ?? 0) < clock) sv.set(client, clock)
  }
  const { ds } = Y.decodeUpdate(update)
  return Y.createSnapshot(acknowledged ? Y.mergeDeleteSets([acknowledged.ds, ds]) : ds, sv)
}
