/** The authenticated user behind a request or a WebSocket, as policies see them. */
export interface Actor {
  userId: number
  username: string
  displayName: string
  /** ISO 3166-1 alpha-3 code of the user's delegation, or null (secretariat, observers). */
  delegation: string | null
  isSecretariat: boolean
  /** How the request authenticated: a session cookie (needs CSRF) or a bearer token. */
  via: 'session' | 'token'
  /** The session's CSRF token, when `via` is `session`. */
  csrfToken: string | null
}
