import { useCallback, useEffect, useState } from 'react'
import type { NegotiationDetail } from '../../../shared/api.ts'
import type { Policies } from '../../../shared/accountsApi.ts'
import { cacheNegotiation, fetchNegotiationDetail } from './negotiations.ts'

/**
 * What the user may do in a negotiation, as the server sent it with the negotiation, and a way
 * to ask again (the secretariat changed the user's role while the room is open).
 */
export function usePolicies(negotiation: NegotiationDetail): {
  policies: Policies
  reload: () => void
} {
  const [policies, setPolicies] = useState(negotiation.policies)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (attempt === 0) return
    let isCurrent = true
    fetchNegotiationDetail(negotiation.id)
      .then((detail) => {
        cacheNegotiation(detail)
        if (isCurrent) setPolicies(detail.policies)
      })
      // A failure keeps the policies we have: the server enforces the new role either way, and
      // a 401 has already signed the user out.
      .catch(() => undefined)
    return () => {
      isCurrent = false
    }
  }, [attempt, negotiation.id])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { policies, reload }
}
