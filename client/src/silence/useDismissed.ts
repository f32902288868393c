import { useCallback, useState } from 'react'

const STORAGE_KEY = 'draftroom.silence.dismissed'
const MAX_KEPT = 50

function load(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}

/**
 * The ended procedures (broken, cancelled) whose banner the user has closed on this device; a
 * running procedure and an adoption are never dismissed.
 */
export function useDismissed(): [ReadonlySet<string>, (id: string) => void] {
  const [ids, setIds] = useState<readonly string[]>(load)
  const dismiss = useCallback((id: string) => {
    setIds((current) => {
      const next = [...current.filter((other) => other !== id), id].slice(-MAX_KEPT)
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
      } catch {
        // Storage refused: the banner stays closed for this page only.
      }
      return next
    })
  }, [])
  return [new Set(ids), dismiss]
}
