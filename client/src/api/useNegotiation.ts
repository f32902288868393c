import type { NegotiationDetail } from '../../../shared/api.ts'
import {
  cacheNegotiation,
  cachedNegotiation,
  fetchNegotiationDetail,
  fetchNegotiationList,
} from './negotiations.ts'
import { currentPathname, draftPath, negotiationIdFromPath, replaceRoute } from '../routes.ts'
import { ApiError } from './fetchJson.ts'
import { useRequest } from './useRequest.ts'

export type NegotiationState =
  | { status: 'loading' }
  | { status: 'ready'; negotiation: NegotiationDetail; isOfflineCopy: boolean }
  | { status: 'empty' }
  | { status: 'error'; message: string }

async function loadNegotiation(): Promise<NegotiationState> {
  const idFromPath = negotiationIdFromPath(currentPathname())
  try {
    let id = idFromPath
    if (id === null) {
      const { negotiations } = await fetchNegotiationList()
      const first = negotiations[0]
      if (!first) return { status: 'empty' }
      id = first.id
      replaceRoute(draftPath(id))
    }
    const negotiation = await fetchNegotiationDetail(id)
    cacheNegotiation(negotiation)
    return { status: 'ready', negotiation, isOfflineCopy: false }
  } catch (error) {
    // A network failure (not an HTTP error) falls back to the last visit, so that offline edits
    // stay reachable after a reload.
    const cached = error instanceof ApiError ? null : cachedNegotiation(idFromPath)
    if (cached) return { status: 'ready', negotiation: cached, isOfflineCopy: true }
    return { status: 'error', message: error instanceof Error ? error.message : String(error) }
  }
}

/** Loads the negotiation named in the URL, or the first one the user can open. */
export function useNegotiation(attempt: number): NegotiationState {
  // Never fails: loadNegotiation words its own failure, or falls back to the offline copy.
  const request = useRequest(String(attempt), loadNegotiation)
  return request.status === 'ready' ? request.value : { status: 'loading' }
}
