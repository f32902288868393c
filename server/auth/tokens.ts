import { createHash, randomBytes } from 'node:crypto'

/** Personal API tokens start with this, so that they are recognisable in a leak scanner. */
export const API_TOKEN_PREFIX = 'drt_'

/** A new random secret (session or CSRF token), URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url')

export const newApiToken = (): string => `${API_TOKEN_PREFIX}${newSecret()}`

/** Tokens are stored only as their SHA-256: the database never holds a usable secret. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('base64url')
