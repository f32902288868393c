import type { RequestHandler } from 'express'
import helmet from 'helmet'

/**
 * The app shell's policy, which the built client (client/index.html through Vite) satisfies:
 * its module script and stylesheet from our origin, a `data:` favicon, the API and the
 * collaboration WebSocket on our origin ('self' covers ws: and wss: of the same host).
 * Scripts come from our files only. Styles may also be inline, because the client writes two
 * stylesheets at run time: Tiptap's base editor rules and the delegations' proposal colours
 * (ProposalColors). A per-request nonce threaded through both would close that, for CSS
 * injection only, at the price of templating index.html on every request.
 */
const APP_SHELL_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
}

/**
 * Headers of every response: the shell's Content-Security-Policy, `nosniff`, no framing, no
 * referrer, and helmet's other defaults. HSTS is left to the TLS proxy in front, which knows
 * whether the whole domain is served over https (the app itself only speaks http).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: APP_SHELL_POLICY },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  })
}

/**
 * The printable HTML exports are documents, not programs: they need their own inline
 * stylesheet and nothing else (no image, font or script; see server/exports/*Html.ts), so that
 * text written by a delegation can never run as script in our origin.
 */
export const EXPORT_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
