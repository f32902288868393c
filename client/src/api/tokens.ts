import { z } from 'zod'
import { send, fetchJson, sendJson } from './fetchJson.ts'

// The shapes of server/routes/tokens.ts; to move to shared/accountsApi.ts with the server's.
export const ApiToken = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
})
export type ApiToken = z.infer<typeof ApiToken>

export const CreatedApiToken = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  /** The secret itself: shown once, the server keeps only its hash. */
  token: z.string(),
})
export type CreatedApiToken = z.infer<typeof CreatedApiToken>

/** The user's personal API tokens, revoked ones included. */
export const fetchTokens = async (): Promise<ApiToken[]> =>
  (await fetchJson('/api/tokens', z.object({ tokens: z.array(ApiToken) }))).tokens

export const createToken = (name: string): Promise<CreatedApiToken> =>
  sendJson('POST', '/api/tokens', { name }, CreatedApiToken)

export const revokeToken = (id: number): Promise<void> => send('DELETE', `/api/tokens/${id}`)
