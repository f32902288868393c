/** The pages of a negotiation's revisions: `/negotiations/<id>/revisions` and `.../compare`. */
export type RevisionsView = 'revisions' | 'compare'

export interface RevisionsRoute {
  negotiationId: string
  view: RevisionsView
}

const ROUTE = /^\/negotiations\/([^/]+)\/(revisions|compare)\/?$/

/** The revisions page a path names, or null for any other page. */
export function revisionsRouteOf(pathname: string): RevisionsRoute | null {
  const match = ROUTE.exec(pathname)
  if (!match?.[1]) return null
  return {
    negotiationId: decodeURIComponent(match[1]),
    view: match[2] === 'compare' ? 'compare' : 'revisions',
  }
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
