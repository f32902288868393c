import { NegotiationDetail, NegotiationList } from '../../../shared/api.ts'
import { fetchJson } from './fetchJson.ts'

const CACHE_PREFIX = 'draftroom.negotiation.'

/** The negotiations the user can open. */
export const fetchNegotiationList = (): Promise<NegotiationList> =>
  fetchJson('/api/negotiations', NegotiationList)

/** One negotiation's title, delegations and room. */
export const fetchNegotiationDetail = (id: string): Promise<NegotiationDetail> =>
  fetchJson(`/api/negotiations/${encodeURIComponent(id)}`, NegotiationDetail)

// The last details seen are kept so that a reload without network still opens the offline copy
// of the draft (the text itself is in IndexedDB).
export function cacheNegotiation(detail: NegotiationDetail): void {
  try {
    localStorage.setItem(CACHE_PREFIX + detail.id, JSON.stringify(detail))
    localStorage.setItem(`${CACHE_PREFIX}last`, detail.id)
  } catch {
    // Storage full or refused: the offline fallback is best effort.
  }
}

/** Forgets every negotiation cached on this device; returns their room names. */
export function forgetCachedNegotiations(): string[] {
  const roomNames: string[] = []
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))
    for (const key of keys) {
      if (!key?.startsWith(CACHE_PREFIX)) continue
      const parsed = NegotiationDetail.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'))
      if (parsed.success) roomNames.push(parsed.data.roomName)
      localStorage.removeItem(key)
    }
  } catch {
    // Storage unreadable: nothing was cached.
  }
  return roomNames
}

/** The details cached by the last visit, for `id` or for the last negotiation opened. */
export function cachedNegotiation(id: string | null): NegotiationDetail | null {
  try {
    const key = id ?? localStorage.getItem(`${CACHE_PREFIX}last`)
    if (!key) return null
    const raw = localStorage.getItem(CACHE_PREFIX + key)
    const parsed = NegotiationDetail.safeParse(raw ? JSON.parse(raw) : null)
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
