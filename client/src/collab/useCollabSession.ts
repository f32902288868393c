import { useEffect, useState, useSyncExternalStore } from 'react'
import { CloseReason } from '../../../shared/collabProtocol.ts'
import { DIVERGED_NOTICES } from '../../../shared/draft/index.ts'
import { CollabSession } from './CollabSession.ts'
import type { ConnectionStatus } from './connectionStatus.ts'

/** A second reset soon after the first waits this long, so that a bad copy cannot loop fast. */
const RESET_BACKOFF_MS = 2_000

/**
 * Opens the room's session for as long as the component is mounted. When the server refuses
 * a change (a `refused_change`, `frozen` or `read_only` notice, or close code 4422), the local copy has diverged from
 * what the server holds: the session, its Yjs document and its offline copy are dropped and a
 * fresh session syncs the server's text, without a page reload (the editor rebinds to it).
 */
export function useCollabSession(roomName: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null)
  useEffect(() => {
    let current: CollabSession | null = null
    let lastResetAt = 0
    let isMounted = true
    const open = () => {
      const opened = new CollabSession(roomName)
      current = opened
      opened.notices.on((notice) => {
        if (DIVERGED_NOTICES.has(notice.code)) void reset(opened)
      })
      opened.statusChanges.on((status) => {
        if (status.closedBy?.code === CloseReason.invalidUpdate.code) {
          opened.notices.emit({ code: 'invalid_update', message: status.closedBy.reason })
          void reset(opened)
        }
      })
      setSession(opened)
    }
    const reset = async (stale: CollabSession) => {
      if (stale !== current) return
      current = null
      const wait = lastResetAt + RESET_BACKOFF_MS - Date.now()
      lastResetAt = Date.now()
      await stale.discardLocalCopy()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      // Unmounted meanwhile: `current` was not restored, nothing to open.
      if (!isMounted) return
      open()
    }
    open()
    return () => {
      isMounted = false
      setSession(null)
      current?.destroy()
      current = null
    }
  }, [roomName])
  return session
}

/** The connection state of a session, re-rendering when it changes. */
export function useConnectionStatus(session: CollabSession): ConnectionStatus {
  return useSyncExternalStore(
    (onChange) => session.statusChanges.on(onChange),
    () => session.status,
  )
}
