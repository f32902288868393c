import { useCallback, useState } from 'react'
import type { RevisionSummary } from '../../../shared/revisions.ts'
import { useRequest } from '../api/useRequest.ts'
import { fetchRevisions } from '../api/revisions.ts'

export type RevisionsState =
  | { status: 'loading' }
  | { status: 'ready'; revisions: RevisionSummary[] }
  | { status: 'error'; message: string }

/** The negotiation's revisions, oldest first, and a way to load them again after a change. */
export function useRevisions(negotiationId: string): {
  state: RevisionsState
  reload: () => void
} {
  const [attempt, setAttempt] = useState(0)
  // A reload after publishing keeps the list on screen until the new one comes.
  const request = useRequest(negotiationId, () => fetchRevisions(negotiationId), attempt)
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const state: RevisionsState =
    request.status === 'ready'
      ? { status: 'ready', revisions: request.value }
      : request.status === 'error'
        ? request
        : { status: 'loading' }
  return { state, reload }
}
