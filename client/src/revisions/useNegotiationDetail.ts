import { useEffect, useState } from 'react'
import type { NegotiationDetail } from '../../../shared/api.ts'
import { fetchNegotiationDetail } from '../api/negotiations.ts'

export type NegotiationDetailState =
  | { status: 'loading' }
  | { status: 'ready'; negotiation: NegotiationDetail }
  | { status: 'error'; message: string }

/** One negotiation's title and what the user may do in it, for the pages outside the room. */
export function useNegotiationDetail(negotiationId: string, attempt: number) {
  const [state, setState] = useState<NegotiationDetailState>({ status: 'loading' })

  useEffect(() => {
    let isCurrent = true
    setState({ status: 'loading' })
    fetchNegotiationDetail(negotiationId)
      .then((negotiation) => {
        if (isCurrent) setState({ status: 'ready', negotiation })
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

  return state
}
