import { useCallback, useEffect, useRef, useState } from 'react'
import type { CollabSession } from './CollabSession.ts'
import type { Notice } from './notice.ts'

export interface Toast extends Notice {
  id: number
}

const TOAST_MS = 8_000
const MAX_TOASTS = 4

/** The server's notices as toasts that disappear after a few seconds. */
export function useNotices(session: CollabSession): {
  toasts: readonly Toast[]
  dismiss: (id: number) => void
} {
  const [toasts, setToasts] = useState<readonly Toast[]>([])
  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id))
  }, [])

  // Toasts outlive a session: the one that says why the draft was reloaded comes from the
  // session being replaced. Their timers stop only when the room closes.
  const nextId = useRef(0)
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>())
  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach(clearTimeout)
  }, [])

  useEffect(
    () =>
      session.notices.on((notice) => {
        const id = ++nextId.current
        setToasts((current) => [...current, { ...notice, id }].slice(-MAX_TOASTS))
        const timer = setTimeout(() => {
          timers.current.delete(timer)
          dismiss(id)
        }, TOAST_MS)
        timers.current.add(timer)
      }),
    [session, dismiss],
  )

  return { toasts, dismiss }
}
