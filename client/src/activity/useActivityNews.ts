import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { ActivitySummary } from '../../../shared/activity.ts'
import { PROPOSALS_MAP, SILENCE_MAP } from '../../../shared/draft/index.ts'
import { fetchActivitySummary, markActivitySeen } from '../api/activity.ts'
import { useRequest } from '../api/useRequest.ts'

// Proposals are made and decided in bursts; one question per burst is enough.
const QUIET_MS = 2_000
// Revisions are not in the live document: look again now and then.
const POLL_MS = 60_000

export interface ActivityNews {
  summary: ActivitySummary | null
  /** Marks everything up to `upTo` as seen, and asks again. */
  markSeen: (upTo: number) => Promise<void>
  /** Bumped whenever the room's records or silence change: the open feed reloads on it. */
  changes: number
}

/**
 * The user's unread activity, live: asked at entry, again when the room's proposal records or
 * silence procedure change (what the feed reports), and every minute for revisions.
 */
export function useActivityNews(negotiationId: string, doc: Y.Doc): ActivityNews {
  const [changes, setChanges] = useState(0)
  // Each question of the server is one more: on entry, after a burst, on the minute, after a mark.
  const [asks, setAsks] = useState(0)
  // Read by markSeen without making it a new function at each answer: the open feed would
  // take that for a reason to reload, and lose its marks of what is new.
  const seenUpTo = useRef(0)
  const lastSummary = useRef<ActivitySummary | null>(null)

  const request = useRequest(
    negotiationId,
    async () => {
      try {
        const next = await fetchActivitySummary(negotiationId)
        seenUpTo.current = next.seenUpTo
        lastSummary.current = next
        return next
      } catch {
        // Offline or signed out: the badge keeps its last count until the next try.
        return lastSummary.current
      }
    },
    asks,
  )
  const summary = request.status === 'ready' ? request.value : null

  useEffect(() => {
    const askAgain = () => setAsks((n) => n + 1)
    let timer: ReturnType<typeof setTimeout> | null = null
    const onChange = () => {
      timer ??= setTimeout(() => {
        timer = null
        setChanges((n) => n + 1)
        askAgain()
      }, QUIET_MS)
    }
    const maps = [doc.getMap(PROPOSALS_MAP), doc.getMap(SILENCE_MAP)]
    for (const map of maps) map.observe(onChange)
    const poll = setInterval(askAgain, POLL_MS)
    return () => {
      for (const map of maps) map.unobserve(onChange)
      if (timer) clearTimeout(timer)
      clearInterval(poll)
    }
  }, [doc])

  const markSeen = useCallback(
    async (upTo: number) => {
      if (upTo <= seenUpTo.current) return
      seenUpTo.current = await markActivitySeen(negotiationId, upTo)
      setAsks((n) => n + 1)
    },
    [negotiationId],
  )

  return { summary, markSeen, changes }
}
