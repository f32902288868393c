import { useCallback, useEffect, useState } from 'react'
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

  useEffect(() => {
    let nextId = 0
    const timers = new Set<ReturnType<typeof setTimeout>>()
    const off = session.notices.on((notice) => {
      const id = ++nextId
      setToasts((current) => [...current, { ...notice, id }].slice(-MAX_TOASTS))
      const timer = setTimeout(() => {
        timers.delete(timer)
        dismiss(id)
      }, TOAST_MS)
      timers.add(timer)
    })
    return () => {
      off()
      timers.forEach(clearTimeout)
    }
  }, [session, dismiss])

  return { toasts, dismiss }
}
