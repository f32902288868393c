import { useCallback, useState } from 'react'
import type { RoundList } from '../../../shared/rounds.ts'
import { useRequest } from '../api/useRequest.ts'
import { fetchRounds } from '../api/rounds.ts'

/** The negotiation's rounds (null until loaded or if they failed) and a way to reload them. */
export function useRounds(negotiationId: string): { rounds: RoundList | null; reload: () => void } {
  const [attempt, setAttempt] = useState(0)
  const request = useRequest(negotiationId, () => fetchRounds(negotiationId), attempt)
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { rounds: request.status === 'ready' ? request.value : null, reload }
}
