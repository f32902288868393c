import { useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { isDraftFrozen } from '../../../shared/silence/silenceMachine.ts'
import { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { SILENCE_MAP } from '../../../shared/draft/index.ts'
import type { CollabSession } from '../collab/CollabSession.ts'
import { byStart, currentProcedure } from './silenceView.ts'

export interface SilenceState {
  /** Every procedure of the negotiation, oldest first. */
  procedures: readonly SilenceProcedure[]
  /** The one the room is about (see `currentProcedure`), or null. */
  current: SilenceProcedure | null
  /** The draft is frozen: a procedure runs, or the text was adopted. */
  isFrozen: boolean
}

const EMPTY: SilenceState = { procedures: [], current: null, isFrozen: false }

/** One observer per document, however many components ask; snapshots stay the same object. */
class SilenceStore {
  private state: SilenceState
  private readonly listeners = new Set<() => void>()

  constructor(private readonly map: Y.Map<unknown>) {
    this.state = this.read()
    map.observe(() => {
      this.state = this.read()
      this.listeners.forEach((listener) => listener())
    })
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly snapshot = (): SilenceState => this.state

  private read(): SilenceState {
    // Parsed with the server's own schema: a value this client does not understand is left out
    // rather than shown half right.
    const procedures = byStart(
      [...this.map.values()].flatMap((value) => {
        const parsed = SilenceProcedure.safeParse(value)
        return parsed.success ? [parsed.data] : []
      }),
    )
    if (procedures.length === 0) return EMPTY
    return {
      procedures,
      current: currentProcedure(procedures),
      // The clock only matters for settling a running procedure into adoption; frozen either way.
      isFrozen: isDraftFrozen(procedures, new Date()),
    }
  }
}

const stores = new WeakMap<Y.Doc, SilenceStore>()

function storeOf(session: CollabSession): SilenceStore {
  let store = stores.get(session.doc)
  if (!store) {
    store = new SilenceStore(session.doc.getMap(SILENCE_MAP))
    stores.set(session.doc, store)
  }
  return store
}

/**
 * The silence procedures of the room, live: the server writes every start, extension and end
 * into the document, so this re-renders at once, offline copy included. `isFrozen` is what the
 * editor and the proposal actions respect (the server refuses changes anyway).
 */
export function useSilence(session: CollabSession): SilenceState {
  const store = storeOf(session)
  return useSyncExternalStore(store.subscribe, store.snapshot)
}
