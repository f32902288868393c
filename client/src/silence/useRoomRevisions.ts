import { useRef } from 'react'
import type { RevisionSummary } from '../../../shared/revisions.ts'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { fetchRevisions } from '../api/revisions.ts'
import { useRequest } from '../api/useRequest.ts'

/**
 * The published revisions, to name the one under silence by its symbol; asked again when a
 * procedure names a revision not seen yet (published since the room opened).
 */
export function useRoomRevisions(
  negotiationId: string,
  procedures: readonly SilenceProcedure[],
): { revisions: readonly RevisionSummary[]; isLoaded: boolean } {
  const named = [...new Set(procedures.map((p) => p.revisionId))].sort()
  // The list asked last (answered or on its way): a procedure arriving with the document while
  // the first answer is on its way waits for that answer instead of asking the same list a
  // second time (issue 15); only a revision it does not name is worth a new request.
  const asked = useRef<{ negotiationId: string; list: Promise<RevisionSummary[]> } | null>(null)
  const request = useRequest(
    negotiationId,
    async () => {
      const previous = asked.current?.negotiationId === negotiationId ? asked.current.list : null
      const listed = previous ? await previous.catch(() => null) : null
      if (listed && named.every((id) => listed.some((r) => r.id === id))) return listed
      const list = fetchRevisions(negotiationId)
      asked.current = { negotiationId, list }
      return list
    },
    named.join(' '),
  )
  // Offline or refused: the banner shows the procedure without the revision's symbol.
  return request.status === 'ready'
    ? { revisions: request.value, isLoaded: true }
    : { revisions: [], isLoaded: false }
}
