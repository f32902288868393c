import { useSyncExternalStore } from 'react'

/**
 * The client's addresses in one place: what each page's path looks like, how a path is read
 * back, and how the app moves between pages without reloading. No other module reads the path
 * or the query, or writes `history`.
 *
 *   /                                 the user's first negotiation (the secretariat: console)
 *   /console                          the secretariat's console
 *   /negotiations/<id>                the room: the live draft
 *   /negotiations/<id>/revisions      the published revisions
 *   /negotiations/<id>/compare?from=&to=   a comparison of two texts
 */

/** A page of the app, as its path names it. */
export type Route =
  | { page: 'home' }
  | { page: 'console' }
  | { page: 'room'; negotiationId: string }
  | { page: 'revisions' | 'compare'; negotiationId: string }
  /** Any other path: the room of the user's first negotiation, as `/` is. */
  | { page: 'other' }

/** The pages of a negotiation's revisions. */
export type RevisionsView = 'revisions' | 'compare'

export interface RevisionsRoute {
  negotiationId: string
  view: RevisionsView
}

/** The address that opens the user's first negotiation (the secretariat's console). */
export const HOME_PATH = '/'

/** The secretariat console's address. */
export const CONSOLE_PATH = '/console'

const ROOM = /^\/negotiations\/([^/]+)\/?$/
const REVISIONS = /^\/negotiations\/([^/]+)\/(revisions|compare)\/?$/

/** The page a path names. */
export function routeOf(pathname: string): Route {
  if (pathname === HOME_PATH) return { page: 'home' }
  if (pathname === CONSOLE_PATH) return { page: 'console' }
  const room = ROOM.exec(pathname)
  if (room?.[1]) return { page: 'room', negotiationId: decodeURIComponent(room[1]) }
  const revisions = REVISIONS.exec(pathname)
  if (revisions?.[1]) {
    const negotiationId = decodeURIComponent(revisions[1])
    return { page: revisions[2] === 'compare' ? 'compare' : 'revisions', negotiationId }
  }
  return { page: 'other' }
}

/** The id in a `/negotiations/<id>` path (the room), if any. */
export function negotiationIdFromPath(pathname: string): string | null {
  const route = routeOf(pathname)
  return route.page === 'room' ? route.negotiationId : null
}

const negotiationPath = (negotiationId: string): string =>
  `/negotiations/${encodeURIComponent(negotiationId)}`

/** The room of the negotiation (the live draft). */
export const draftPath = negotiationPath

export const revisionsPath = (negotiationId: string): string =>
  `${negotiationPath(negotiationId)}/revisions`

/** The comparison page; without `from` and `to` it picks the latest revision and the draft. */
export function comparePath(
  negotiationId: string,
  sides: { from?: string; to?: string } = {},
): string {
  const query = new URLSearchParams()
  if (sides.from) query.set('from', sides.from)
  if (sides.to) query.set('to', sides.to)
  const search = query.toString()
  return `${negotiationPath(negotiationId)}/compare${search ? `?${search}` : ''}`
}

/** The two texts a comparison's address asks for (null: not said). */
export function compareSidesOf(search: string): { from: string | null; to: string | null } {
  const query = new URLSearchParams(search)
  return { from: query.get('from'), to: query.get('to') }
}

const PATH_CHANGE = 'draftroom:navigate'

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('popstate', onChange)
  window.addEventListener(PATH_CHANGE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(PATH_CHANGE, onChange)
  }
}

/** The current path, re-rendering on `navigate` and on the browser's back and forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname)
}

/** The current query (`?from=...`), re-rendering as `usePathname` does and on `replaceRoute`. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => location.search)
}

/** The current path, read once (outside React's rendering). */
export const currentPathname = (): string => location.pathname

/** Goes to another page of the app without reloading it. */
export function navigate(path: string): void {
  if (path === location.pathname) return
  history.pushState(null, '', path)
  window.dispatchEvent(new Event(PATH_CHANGE))
}

/**
 * Rewrites the address of the page on screen without a new history entry: a default chosen by
 * the page (the first negotiation, the compared texts) goes into it, so that it names what is
 * shown and can be shared.
 */
export function replaceRoute(path: string): void {
  if (path === location.pathname + location.search) return
  history.replaceState(null, '', path)
  window.dispatchEvent(new Event(PATH_CHANGE))
}
