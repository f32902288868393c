import { useEffect, useState } from 'react'
import { fetchComparison, type ComparisonResponse } from '../revisions/revisionsApi.ts'

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
  const [state, setState] = useState<ComparisonState>({ status: 'idle' })
  const from = sides?.from
  const to = sides?.to

  useEffect(() => {
    if (from === undefined || to === undefined) return
    let isCurrent = true
    // Comparing the same texts again (the live draft moved on) keeps the old one on screen.
    setState((previous) =>
      previous.status === 'ready' &&
      previous.comparison.from === from &&
      previous.comparison.to === to
        ? previous
        : { status: 'loading' },
    )
    fetchComparison(negotiationId, from, to)
      .then((comparison) => {
        if (isCurrent) setState({ status: 'ready', comparison })
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
  }, [negotiationId, from, to, attempt])

  return state
}
