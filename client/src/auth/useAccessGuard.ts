import { useEffect } from 'react'
import { CloseReason } from '../../../shared/collabProtocol.ts'
import { auth } from '../api/useAuth.ts'
import type { CollabSession } from '../collab/CollabSession.ts'
import type { ConnectionStatus } from '../collab/connectionStatus.ts'

/** How often, while the draft cannot connect, the client asks whether the session still holds. */
const SESSION_CHECK_MS = 20_000

/**
 * Follows the server's word on the user's access while the room is open: a changed role
 * reloads the policies; a session the server closed (4401) signs the user out. A refused
 * reconnection (an expired session) gets no close code, the upgrade is answered 401 before any
 * WebSocket exists, so while the draft cannot connect `/api/me` is asked now and then.
 */
export function useAccessGuard(
  session: CollabSession,
  { connection, closedBy }: ConnectionStatus,
  onRoleChanged: () => void,
): void {
  useEffect(
    () =>
      session.notices.on((notice) => {
        if (notice.code === 'role_changed') onRoleChanged()
      }),
    [session, onRoleChanged],
  )

  const closeCode = closedBy?.code
  useEffect(() => {
    if (closeCode === CloseReason.unauthenticated.code) auth.expire()
  }, [closeCode])

  useEffect(() => {
    if (connection !== 'offline') return
    const check = () => {
      // Without network there is nothing to ask; the browser's `online` event reconnects.
      if (navigator.onLine) void auth.check()
    }
    check()
    const timer = setInterval(check, SESSION_CHECK_MS)
    return () => clearInterval(timer)
  }, [connection])
}
