import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'

/**
 * `text` as a browser writes it in an `Origin` header (`scheme://host[:port]`, lower case,
 * default port and a trailing slash dropped), or null when it is not an http(s) origin and
 * nothing more (a path, a query, credentials, or `null` from a sandboxed page).
 */
export function normalizeOrigin(text: string): string | null {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  const isBare =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === ''
  return isBare ? url.origin : null
}

/**
 * Cross-site WebSocket hijacking: a page of another site may open a WebSocket to us and the
 * browser sends our cookies with it (SameSite=Strict keeps them off another *site*, not off a
 * sibling subdomain of ours). Browsers always say which page asks in `Origin`, which a page
 * cannot forge, so an upgrade is refused when it is present and names neither this server
 * (scheme of the socket, the request's `Host`) nor an origin of `allowedOrigins`.
 * `X-Forwarded-*` are not read: the app trusts no proxy, and a proxy's public origin is
 * listed in ALLOWED_ORIGINS instead. Without `Origin` (scripts, the y-websocket client in
 * Node) there is no victim's browser, hence no ambient cookie to abuse: allowed.
 */
export function isAllowedOrigin(
  request: IncomingMessage,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  const header = request.headers.origin
  if (header === undefined) return true
  const origin = normalizeOrigin(header)
  if (origin === null) return false
  if (allowedOrigins.has(origin)) return true
  const host = request.headers.host
  if (!host) return false
  const scheme = (request.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http'
  return normalizeOrigin(`${scheme}://${host}`) === origin
}
