import { useRequest } from '../api/useRequest.ts'
import { fetchComparison, type ComparisonResponse } from '../api/revisions.ts'

export type ComparisonState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; comparison: ComparisonResponse }
  | { status: 'error'; message: string }

/** The comparison of `from` and `to` (null while they are not chosen); `attempt` reloads it. */
export function useComparison(
  negotiationId: string,
  sides: { from: string; to: string } | null,
  attempt: number,
): ComparisonState {
  // Comparing the same texts again (the live draft moved on) keeps the old one on screen.
  const key = sides ? JSON.stringify([negotiationId, sides.from, sides.to]) : null
  const state = useRequest(
    key,
    () => fetchComparison(negotiationId, sides?.from ?? '', sides?.to ?? ''),
    attempt,
  )
  return state.status === 'ready' ? { status: 'ready', comparison: state.value } : state
}
