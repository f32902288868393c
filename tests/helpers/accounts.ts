export const DEMO_PASSWORD = 'demo'

/** A signed-in HTTP client: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  cookie: string | null = null
  csrfToken: string | null = null
  bearer: string | null = null

  constructor(readonly baseUrl: string) {}

  static async signedIn(baseUrl: string, username: string, password = DEMO_PASSWORD) {
    const client = new ApiClient(baseUrl)
    const response = await client.signIn(username, password)
    if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status}`)
    return client
  }

  async signIn(username: string, password: string): Promise<Response> {
    const response = await this.request('POST', '/api/session', { username, password })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null
    if (response.status === 200) {
      const body = (await response.clone().json()) as { csrfToken: string }
      this.csrfToken = body.csrfToken
    }
    return response
  }

  async request(
    method: string,
    pathname: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const allHeaders: Record<string, string> = { ...headers }
    if (body !== undefined) allHeaders['content-type'] = 'application/json'
    if (this.cookie) allHeaders.cookie = this.cookie
    if (this.csrfToken && !('x-csrf-token' in allHeaders))
      allHeaders['x-csrf-token'] = this.csrfToken
    if (this.bearer) allHeaders.authorization = `Bearer ${this.bearer}`
    return fetch(`${this.baseUrl}${pathname}`, {
      method,
      headers: allHeaders,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }

  async json<T = unknown>(
    method: string,
    pathname: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await this.request(method, pathname, body)
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
  }

  /** A personal API token of this user, for scripts and WebSocket clients. */
  async createToken(name = 'test'): Promise<string> {
    const { status, body } = await this.json<{ token: string }>('POST', '/api/tokens', { name })
    if (status !== 201) throw new Error(`token: ${status}`)
    return body.token
  }
}

/** The user id of a demo account, as the secretariat sees it. */
export async function userIdOf(secretariat: ApiClient, username: string): Promise<number> {
  const { body } = await secretariat.json<{ users: { id: number; username: string }[] }>(
    'GET',
    '/api/users',
  )
  const user = body.users.find((u) => u.username === username)
  if (!user) throw new Error(`no user ${username}`)
  return user.id
}

/** The colours of a negotiation's delegations, by code, as its detail gives them to `client`. */
export async function delegationColorsOf(
  client: ApiClient,
  negotiationId: string,
): Promise<Map<string, string>> {
  const { status, body } = await client.json<{ delegations: { code: string; color: string }[] }>(
    'GET',
    `/api/negotiations/${negotiationId}`,
  )
  if (status !== 200) throw new Error(`negotiation ${negotiationId}: ${status}`)
  return new Map(body.delegations.map(({ code, color }) => [code, color]))
}
