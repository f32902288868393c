import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { remoteCaretAwareness } from '../../../client/src/editor/remoteCaretAwareness.ts'

const pair = () => {
  const local = new awarenessProtocol.Awareness(new Y.Doc())
  const remote = new awarenessProtocol.Awareness(new Y.Doc())
  const receive = () =>
    awarenessProtocol.applyAwarenessUpdate(
      local,
      awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]),
      'remote',
    )
  return { local, remote, receive }
}

describe('the awareness the caret plugin is given', () => {
  it("hears other clients' caret changes, not this client's own", () => {
    const { local, remote, receive } = pair()
    const seen: unknown[] = []
    const listener = (...args: unknown[]) => seen.push(args[1])
    remoteCaretAwareness(local).on('change', listener)

    local.setLocalStateField('cursor', { anchor: 1, head: 1 })
    local.setLocalStateField('cursor', { anchor: 2, head: 2 })
    expect(seen).toEqual([])

    remote.setLocalStateField('cursor', { anchor: 5, head: 5 })
    receive()
    expect(seen).toEqual(['remote'])
  })

  it('passes every other event and method through, and removes the listeners it was given', () => {
    const { local, remote, receive } = pair()
    const wrapped = remoteCaretAwareness(local)
    const changes: unknown[] = []
    const updates: unknown[] = []
    const onChange = (...args: unknown[]) => changes.push(args[1])
    const onUpdate = (...args: unknown[]) => updates.push(args[1])
    wrapped.on('change', onChange)
    wrapped.on('update', onUpdate)

    wrapped.setLocalStateField('user', { name: 'Amélie' })
    expect(updates).toEqual(['local'])
    expect(wrapped.getLocalState()).toEqual({ user: { name: 'Amélie' } })
    expect(wrapped.clientID).toBe(local.clientID)

    wrapped.off('change', onChange)
    wrapped.off('update', onUpdate)
    remote.setLocalStateField('cursor', { anchor: 5, head: 5 })
    receive()
    expect(changes).toEqual([])
    expect(updates).toEqual(['local'])
  })
})
