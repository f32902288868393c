import type { Awareness } from 'y-protocols/awareness'

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

type Listener = (...args: unknown[]) => void

/**
 * The awareness as the caret plugin is given it: its `change` listeners hear only changes
 * that involve another client. y-prosemirror's caret plugin answers every `change` with an
 * editor transaction that redraws all carets, and this client's own caret moves with every
 * keystroke: that was a second transaction per keystroke, for a caret it never draws.
 */
export function remoteCaretAwareness(awareness: Awareness): Awareness {
  const wrapped = new WeakMap<Listener, Listener>()
  const isOwnChangeOnly = (changes: AwarenessChanges, origin: unknown) =>
    origin === 'local' &&
    [...changes.added, ...changes.updated, ...changes.removed].every(
      (clientId) => clientId === awareness.clientID,
    )
  const wrap = (listener: Listener): Listener => {
    let wrapper = wrapped.get(listener)
    if (!wrapper) {
      wrapper = (...args: unknown[]) => {
        if (!isOwnChangeOnly(args[0] as AwarenessChanges, args[1])) listener(...args)
      }
      wrapped.set(listener, wrapper)
    }
    return wrapper
  }
  return new Proxy(awareness, {
    get(target, property) {
      if (property === 'on' || property === 'off') {
        return (name: string, listener: Listener) => {
          const handler = name === 'change' ? wrap(listener) : listener
          if (property === 'on') target.on(name, handler)
          else target.off(name, handler)
        }
      }
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as Listener).bind(target) : value
    },
  })
}
