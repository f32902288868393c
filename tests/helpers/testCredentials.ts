/**
 * The collaboration tests act as a co-facilitator, who may edit the text directly, unless a
 * test says otherwise: the helpers that start a server sign in as `che` once per data
 * directory (API tokens survive restarts, like the database), and the clients, raw sockets and
 * API reads of that server authenticate with the token without each test repeating it.
 */
const tokensByDataDir = new Map<string, string>()
const tokensByPort = new Map<number, string>()

export const TEST_ACTOR = 'che'

async function createToken(baseUrl: string, username: string): Promise<string> {
  const signIn = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  })
  if (!signIn.ok) throw new Error(`sign-in of ${username}: ${signIn.status}`)
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const { csrfToken } = (await signIn.json()) as { csrfToken: string }
  const created = await fetch(`${baseUrl}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'collab tests' }),
  })
  if (!created.ok) throw new Error(`token: ${created.status}`)
  return ((await created.json()) as { token: string }).token
}

/** Gets (once per data dir) the test actor's token and registers it for the server's port. */
export async function registerServerCredentials(server: {
  url: string
  port: number
  dataDir: string
}): Promise<string> {
  let token = tokensByDataDir.get(server.dataDir)
  if (!token) {
    token = await createToken(server.url, TEST_ACTOR)
    tokensByDataDir.set(server.dataDir, token)
  }
  tokensByPort.set(server.port, token)
  return token
}

/** The token registered for the server a URL points at, if any. */
export function tokenFor(url: string): string | undefined {
  const port = Number(new URL(url).port)
  return tokensByPort.get(port)
}

/**
 * `url` with the registered token (of the server `serverUrl` points at, by default `url`
 * itself) as `access_token`, unless it has one already.
 */
export function withAccessToken(url: string, serverUrl = url): string {
  const token = tokenFor(serverUrl)
  if (!token || url.includes('access_token=')) return url
  return `${url}${url.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`
}

/** The Authorization header for the server a URL points at. */
export function authorizationFor(url: string): Record<string, string> {
  const token = tokenFor(url)
  return token ? { authorization: `Bearer ${token}` } : {}
}
