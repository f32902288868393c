import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { acknowledgeUpdate, savedStateOf } from '../../../client/src/collab/savedState.ts'

/** Two replicas of a draft: the server's and a reader's, synced. */
function replicas() {
  const server = new Y.Doc()
  server.getText('t').insert(0, 'Nous nous engageons à agir.')
  const reader = new Y.Doc()
  Y.applyUpdate(reader, Y.encodeStateAsUpdate(server))
  return { server, reader }
}

/** Applies to `target` what `source` made in `change`, returning the update. */
function relay(source: Y.Doc, target: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(target)
  change()
  const update = Y.encodeStateAsUpdate(source, before)
  Y.applyUpdate(target, update)
  return update
}

describe('savedStateOf', () => {
  it('says saved only while the server holds every local change', () => {
    const { server, reader } = replicas()
    expect(savedStateOf(reader, Y.snapshot(server), 'connected')).toBe('saved')
    reader.getText('t').insert(0, '« ')
    expect(savedStateOf(reader, Y.snapshot(server), 'connected')).toBe('saving')
    expect(savedStateOf(reader, Y.snapshot(server), 'offline')).toBe('offline-unsaved')
    expect(savedStateOf(reader, null, 'connecting')).toBe('offline-unsaved')
  })

  it('sees an unsaved deletion, which moves no clock', () => {
    const { server, reader } = replicas()
    reader.getText('t').delete(0, 4)
    expect(savedStateOf(reader, Y.snapshot(server), 'connected')).toBe('saving')
  })
})

describe('acknowledgeUpdate', () => {
  it('counts what the server broadcast as saved: a reader of others’ edits stays saved', () => {
    const { server, reader } = replicas()
    const stored = Y.snapshot(server)
    const insert = relay(server, reader, () => server.getText('t').insert(5, 'tous '))
    expect(savedStateOf(reader, stored, 'connected')).toBe('saving')
    const afterInsert = acknowledgeUpdate(stored, insert)
    expect(savedStateOf(reader, afterInsert, 'connected')).toBe('saved')

    const deletion = relay(server, reader, () => server.getText('t').delete(0, 5))
    expect(savedStateOf(reader, afterInsert, 'connected')).toBe('saving')
    expect(savedStateOf(reader, acknowledgeUpdate(afterInsert, deletion), 'connected')).toBe(
      'saved',
    )
  })

  it('does not hide the reader’s own unsent change', () => {
    const { server, reader } = replicas()
    reader.getText('t').insert(0, 'x')
    const update = relay(server, reader, () => server.getText('t').insert(3, 'y'))
    expect(savedStateOf(reader, acknowledgeUpdate(Y.snapshot(server), update), 'connected')).toBe(
      'saving',
    )
  })

  it('starts from nothing when no stored snapshot came yet (first sync)', () => {
    const { server } = replicas()
    const reader = new Y.Doc()
    const update = Y.encodeStateAsUpdate(server)
    Y.applyUpdate(reader, update)
    expect(savedStateOf(reader, acknowledgeUpdate(null, update), 'connected')).toBe('saved')
  })
})
