import type { NegotiationDetail } from '../../../shared/api.ts'
import { fetchNegotiationDetail } from '../api/negotiations.ts'
import { useRequest } from '../api/useRequest.ts'

export type NegotiationDetailState =
  | { status: 'loading' }
  | { status: 'ready'; negotiation: NegotiationDetail }
  | { status: 'error'; message: string }

/** One negotiation's title and what the user may do in it, for the pages outside the room. */
export function useNegotiationDetail(
  negotiationId: string,
  attempt: number,
): NegotiationDetailState {
  // Trying again after an error shows "loading" again: the attempt is part of what is asked.
  const state = useRequest(`${negotiationId} ${attempt}`, () =>
    fetchNegotiationDetail(negotiationId),
  )
  switch (state.status) {
    case 'idle':
    case 'loading':
      return { status: 'loading' }
    case 'ready':
      return { status: 'ready', negotiation: state.value }
    case 'error':
      return state
  }
}
