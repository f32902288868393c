import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isSnapshotContained } from '../../shared/savedState.ts'

type DeleteItem = NonNullable<ReturnType<Y.Snapshot['ds']['clients']['get']>>[number]

/** A client's document and the server's copy of it, in sync. */
function clientAndServer(text: string): { local: Y.Doc; stored: Y.Doc } {
  const local = new Y.Doc()
  local.getText('draft').insert(0, text)
  const stored = new Y.Doc()
  Y.applyUpdate(stored, Y.encodeStateAsUpdate(local))
  return { local, stored }
}

/** Sends what `to` lacks of `from`, as y-websocket's sync step 2 does. */
const sync = (from: Y.Doc, to: Y.Doc): void =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))

// The server sends its snapshot encoded; compare what the client would decode.
const storedSnapshot = (doc: Y.Doc): Y.Snapshot =>
  Y.decodeSnapshot(Y.encodeSnapshot(Y.snapshot(doc)))

const isSaved = (local: Y.Doc, stored: Y.Doc): boolean =>
  isSnapshotContained(Y.snapshot(local), storedSnapshot(stored))

describe('isSnapshotContained', () => {
  it('holds for equal documents', () => {
    const { local, stored } = clientAndServer('Nous nous engageons à')
    expect(isSaved(local, stored)).toBe(true)
  })

  it('holds for empty documents', () => {
    expect(isSaved(new Y.Doc(), new Y.Doc())).toBe(true)
  })

  it('fails when the local document has an insertion the stored one lacks', () => {
    const { local, stored } = clientAndServer('Nous nous engageons à')
    local.getText('draft').insert(21, ' renforcer')
    expect(isSaved(local, stored)).toBe(false)
  })

  it('fails when the local document has a deletion the stored one lacks, at the same clock', () => {
    const { local, stored } = clientAndServer('Nous nous engageons à coopérer')
    local.getText('draft').delete(0, 5)

    // The state vectors are equal: a deletion advances no clock, so only the delete set tells.
    expect(Y.encodeStateVector(local)).toEqual(Y.encodeStateVector(stored))
    expect(isSaved(local, stored)).toBe(false)
  })

  it('holds again once the stored document has received the update', () => {
    const { local, stored } = clientAndServer('Nous nous engageons à coopérer')
    local.getText('draft').delete(0, 5)
    local.getText('draft').insert(0, 'Ensemble, ')
    expect(isSaved(local, stored)).toBe(false)

    sync(local, stored)
    expect(stored.getText('draft').toJSON()).toBe(local.getText('draft').toJSON())
    expect(isSaved(local, stored)).toBe(true)
  })

  it('holds when the stored document has more than the local one', () => {
    const { local, stored } = clientAndServer('Nous nous engageons')
    const other = new Y.Doc()
    sync(stored, other)
    other.getText('draft').insert(0, 'Objectif 1 : ')
    other.getText('draft').delete(13, 4)
    sync(other, stored)

    expect(isSaved(local, stored)).toBe(true)
    expect(isSnapshotContained(Y.snapshot(stored), Y.snapshot(local))).toBe(false)
  })

  it('fails while only part of a local deletion is stored', () => {
    const { local, stored } = clientAndServer('abcdefghij')
    const text = local.getText('draft')
    text.delete(2, 2)
    sync(local, stored)
    // Deleting the neighbours makes one local range that the stored set covers only in part.
    text.delete(1, 1)
    text.delete(1, 1)
    expect(text.toJSON()).toBe('afghij')
    expect(isSaved(local, stored)).toBe(false)

    sync(local, stored)
    expect(isSaved(local, stored)).toBe(true)
  })

  it('walks a local deletion across several adjacent stored ranges, and finds a gap', () => {
    const { local } = clientAndServer('abcdefghij')
    local.getText('draft').delete(2, 4)
    const { sv, ds } = Y.snapshot(local)
    expect(ds.clients.get(local.clientID)).toEqual([{ clock: 2, len: 4 }])

    // A stored snapshot assembled from separate updates need not have merged its ranges.
    const storedWith = (ranges: DeleteItem[]): Y.Snapshot => {
      const storedDs = Y.createDeleteSet()
      storedDs.clients.set(local.clientID, ranges)
      return Y.createSnapshot(storedDs, new Map(sv))
    }
    const covered = [
      { clock: 0, len: 1 },
      { clock: 2, len: 1 },
      { clock: 3, len: 2 },
      { clock: 5, len: 3 },
    ]
    expect(isSnapshotContained(Y.snapshot(local), storedWith(covered))).toBe(true)
    const gap = [
      { clock: 2, len: 2 },
      { clock: 5, len: 1 },
    ]
    expect(isSnapshotContained(Y.snapshot(local), storedWith(gap))).toBe(false)
  })
})
