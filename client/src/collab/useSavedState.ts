import { useEffect, useState } from 'react'
import type { ConnectionStateName, SavedStateName } from '../i18n/messages.ts'
import type { CollabSession } from './CollabSession.ts'
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
    let timer: ReturnType<typeof setTimeout> | null = null
    const recompute = () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      setState(savedStateOf(session.doc, session.serverState, connection))
    }
    const handleUpdate = () => {
      timer ??= setTimeout(recompute, RECOMPUTE_THROTTLE_MS)
    }
    recompute()
    session.doc.on('update', handleUpdate)
    const offStored = session.stored.on(recompute)
    return () => {
      if (timer !== null) clearTimeout(timer)
      session.doc.off('update', handleUpdate)
      offStored()
    }
  }, [session, connection])

  return state
}
