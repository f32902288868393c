import { useEffect, useState } from 'react'
import type { ConnectionStateName, SavedStateName } from '../i18n/messages.ts'
import type { CollabSession } from './CollabSession.ts'
import { refreshWhenIdle } from '../scheduling/refreshWhenIdle.ts'
import { savedStateOf } from './savedState.ts'

// A snapshot walks the whole document: while someone types, look at most this often.
const RECOMPUTE_THROTTLE_MS = 150

/** Whether every local change is committed on the server, kept fresh as the document changes. */
export function useSavedState(
  session: CollabSession,
  connection: ConnectionStateName,
): SavedStateName {
  const [state, setState] = useState<SavedStateName>(() =>
    savedStateOf(session.doc, session.serverState, connection),
  )

  useEffect(() => {
    let cancel: (() => void) | null = null
    const recompute = () => {
      cancel = null
      setState(savedStateOf(session.doc, session.serverState, connection))
    }
    // In an idle moment, not between a keystroke and its paint.
    const handleUpdate = () => {
      cancel ??= refreshWhenIdle(recompute, RECOMPUTE_THROTTLE_MS)
    }
    const handleStored = () => {
      cancel?.()
      cancel = refreshWhenIdle(recompute, 0)
    }
    recompute()
    session.doc.on('update', handleUpdate)
    const offStored = session.stored.on(handleStored)
    return () => {
      cancel?.()
      session.doc.off('update', handleUpdate)
      offStored()
    }
  }, [session, connection])

  return state
}
