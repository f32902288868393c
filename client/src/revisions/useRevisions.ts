import { useCallback, useEffect, useState } from 'react'
import type { RevisionSummary } from '../../../shared/revisions.ts'
import { fetchRevisions } from './revisionsApi.ts'

export type RevisionsState =
  | { status: 'loading' }
  | { status: 'ready'; revisions: RevisionSummary[] }
  | { status: 'error'; message: string }

/** The negotiation's revisions, oldest first, and a way to load them again after a change. */
export function useRevisions(negotiationId: string): {
  state: RevisionsState
  reload: () => void
} {
  const [state, setState] = useState<RevisionsState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let isCurrent = true
    fetchRevisions(negotiationId)
      .then((revisions) => {
        if (isCurrent) setState({ status: 'ready', revisions })
      })
      .catch((error: unknown) => {
        if (isCurrent)
          setState({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          })
      })
    return () => {
      isCurrent = false
    }
  }, [negotiationId, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { state, reload }
}
