import { useCallback, useEffect, useRef, useState } from 'react'
import type { NegotiationDetail } from '../../../shared/api.ts'
import type { Policies } from '../../../shared/accountsApi.ts'
import { cacheNegotiation, fetchNegotiationDetail } from './negotiations.ts'
import { useRequest } from './useRequest.ts'

/**
 * What the user may do in a negotiation, as the server sent it with the negotiation, and a way
 * to ask again (the secretariat changed the user's role while the room is open).
 */
export function usePolicies(negotiation: NegotiationDetail): {
  policies: Policies
  reload: () => void
} {
  const [attempt, setAttempt] = useState(0)
  const latest = useRef(negotiation.policies)
  const request = useRequest(
    attempt === 0 ? null : negotiation.id,
    async () => {
      try {
        const detail = await fetchNegotiationDetail(negotiation.id)
        cacheNegotiation(detail)
        return detail.policies
      } catch {
        // A failure keeps the policies we have: the server enforces the new role either way,
        // and a 401 has already signed the user out.
        return latest.current
      }
    },
    attempt,
  )
  const policies = request.status === 'ready' ? request.value : latest.current
  useEffect(() => {
    latest.current = policies
  })

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { policies, reload }
}
