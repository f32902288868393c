import { useEffect, useState, useSyncExternalStore } from 'react'
import { CollabSession } from './CollabSession.ts'
import type { ConnectionStatus } from './connectionStatus.ts'

/** Opens the room's session for as long as the component is mounted. */
export function useCollabSession(roomName: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null)
  useEffect(() => {
    const opened = new CollabSession(roomName)
    setSession(opened)
    return () => {
      setSession(null)
      opened.destroy()
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
