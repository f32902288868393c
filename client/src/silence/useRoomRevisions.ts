import { useEffect, useState } from 'react'
import type { RevisionSummary } from '../../../shared/revisions.ts'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { fetchRevisions } from '../api/revisions.ts'

/**
 * The published revisions, to name the one under silence by its symbol; asked again when a
 * procedure names a revision not seen yet (published since the room opened).
 */
export function useRoomRevisions(
  negotiationId: string,
  procedures: readonly SilenceProcedure[],
): { revisions: readonly RevisionSummary[]; isLoaded: boolean } {
  const [loaded, setLoaded] = useState<{ revisions: RevisionSummary[]; isLoaded: boolean }>({
    revisions: [],
    isLoaded: false,
  })
  // Only once the first answer is in: a procedure arriving with the document while that answer
  // is on its way would otherwise ask the same list a second time (issue 15).
  const missing = loaded.isLoaded
    ? procedures.map((p) => p.revisionId).filter((id) => !loaded.revisions.some((r) => r.id === id))
    : []
  const wanted = [...new Set(missing)].sort().join(' ')
  const shouldFetch = !loaded.isLoaded || wanted !== ''

  useEffect(() => {
    if (!shouldFetch) return
    let isCurrent = true
    fetchRevisions(negotiationId)
      .then((revisions) => {
        if (isCurrent) setLoaded({ revisions, isLoaded: true })
      })
      // Offline or refused: the banner shows the procedure without the revision's symbol.
      .catch(() => undefined)
    return () => {
      isCurrent = false
    }
  }, [negotiationId, wanted, shouldFetch])

  return loaded
}
