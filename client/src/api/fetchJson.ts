import type { z } from 'zod'
import { ErrorBody } from '../../../shared/api.ts'
import { Me } from '../../../shared/accountsApi.ts'

/** An HTTP error from the API, with the stable code the server sent. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body, for refusals that say more than a message (an import's lines). */
    readonly body: unknown = null,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type MutatingMethod = 'POST' | 'PUT' | 'DELETE'

// The session's CSRF token (from sign-in or /api/me): the server wants it back in a header on
// every state-changing request made with the session cookie. Kept in memory only.
let csrfToken: string | null = null
const unauthorizedListeners = new Set<() => void>()

/** Keeps the CSRF token of the current session (null after sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Calls `listener` whenever the API answers 401: the session has ended. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener)
  return () => unauthorizedListeners.delete(listener)
}

interface RequestOptions {
  method: 'GET' | MutatingMethod
  url: string
  body?: unknown
  /** A file sent as the raw body with this content type, instead of a JSON `body`. */
  file?: { content: Blob; type: string }
  /** On sign-in a 401 means wrong credentials, not an ended session. */
  isSignIn?: boolean
  isRetry?: boolean
}

async function request(options: RequestOptions): Promise<unknown> {
  const { method, url, body, file, isSignIn = false, isRetry = false } = options
  const headers: Record<string, string> = { accept: 'application/json' }
  if (method !== 'GET') {
    // A session opened while offline has no token yet: ask for it first.
    if (csrfToken === null && !isSignIn) await refreshCsrfToken()
    if (csrfToken !== null) headers['x-csrf-token'] = csrfToken
  }
  if (file) headers['content-type'] = file.type
  else if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers,
    body: file ? file.content : body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status === 204) return undefined
  const parsed: unknown = await response.json().catch(() => null)
  if (response.status === 403 && method !== 'GET' && !isSignIn && !isRetry) {
    // Signing in again in another tab replaces the session and its token: if the server now
    // has another one, the refusal was the stale token's; send once more with the new one.
    const stale = csrfToken
    await refreshCsrfToken().catch(() => undefined)
    if (csrfToken !== null && csrfToken !== stale) return request({ ...options, isRetry: true })
  }
  if (!response.ok) {
    if (response.status === 401 && !isSignIn)
      unauthorizedListeners.forEach((listener) => listener())
    const error = ErrorBody.safeParse(parsed)
    if (error.success) {
      throw new ApiError(response.status, error.data.error.code, error.data.error.message, parsed)
    }
    throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`, parsed)
  }
  return parsed
}

async function refreshCsrfToken(): Promise<void> {
  const me = Me.parse(await request({ method: 'GET', url: '/api/me' }))
  csrfToken = me.csrfToken
}

/** GETs a JSON resource and parses it with the shared schema of its shape. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  return schema.parse(await request({ method: 'GET', url }))
}

/** Sends a JSON body (with the CSRF token) and parses the answer with `schema`. */
export async function sendJson<T>(
  method: MutatingMethod,
  url: string,
  body: unknown,
  schema: z.ZodType<T>,
  options: { isSignIn?: boolean } = {},
): Promise<T> {
  return schema.parse(await request({ method, url, body, ...options }))
}

/** Sends a state-changing request whose answer has no body worth reading (204, or ignored). */
export async function send(method: MutatingMethod, url: string, body?: unknown): Promise<void> {
  await request({ method, url, body })
}

/** POSTs a file as the raw body (a Word or text file to import) and parses the answer. */
export async function sendFile<T>(
  url: string,
  file: { content: Blob; type: string },
  schema: z.ZodType<T>,
): Promise<T> {
  return schema.parse(await request({ method: 'POST', url, file }))
}
