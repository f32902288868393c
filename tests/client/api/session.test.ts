// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../../../shared/accountsApi.ts'
import { ApiError, send } from '../../../client/src/api/fetchJson.ts'
import { AuthStore } from '../../../client/src/api/session.ts'

const FRANCE: Me = {
  user: {
    id: 4,
    username: 'fra',
    displayName: 'Délégation de la France',
    delegation: 'FRA',
    isSecretariat: false,
  },
  roles: [{ negotiationId: 'pacte-mondial', role: 'delegation' }],
  csrfToken: 'csrf-of-fra',
}

interface Sent {
  method: string
  url: string
  headers: Record<string, string>
  body: unknown
}

/** A fake API: answers by `METHOD url`, records every request. */
function fakeApi(routes: Record<string, () => Response | Promise<Response>>) {
  const sent: Sent[] = []
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET'
    sent.push({
      method,
      url,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    const route = routes[`${method} ${url}`]
    if (!route) return json(404, { error: { code: 'not_found', message: 'no route' } })
    return route()
  })
  vi.stubGlobal('fetch', fetchMock)
  return sent
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const unauthorized = () => json(401, { error: { code: 'unauthorized', message: 'Sign in first.' } })

let forgetOfflineData: ReturnType<typeof vi.fn<() => Promise<void>>>
let store: AuthStore

beforeEach(() => {
  localStorage.clear()
  forgetOfflineData = vi.fn(() => Promise.resolve())
  store = new AuthStore({ forgetOfflineData })
})

afterEach(() => {
  store.expire()
  vi.unstubAllGlobals()
})

describe('the session in the client', () => {
  it('starts signed out when /api/session says nobody is signed in', async () => {
    fakeApi({ 'GET /api/session': () => json(200, { me: null }) })
    await store.check()
    expect(store.state).toEqual({ status: 'signedOut', hasExpired: false })
  })

  it('signs in, then sends the CSRF token with every state-changing request', async () => {
    const sent = fakeApi({
      'POST /api/session': () => json(200, FRANCE),
      'POST /api/tokens': () => json(201, {}),
    })
    await store.signIn('fra', 'demo')
    expect(store.state).toEqual({ status: 'signedIn', me: FRANCE, isOffline: false })
    expect(sent[0]?.body).toEqual({ username: 'fra', password: 'demo' })

    await send('POST', '/api/tokens', { name: 'script' })
    expect(sent[1]?.headers).toMatchObject({
      'x-csrf-token': 'csrf-of-fra',
      'content-type': 'application/json',
    })
  })

  it('keeps the user signed out after wrong credentials, without calling it an expiry', async () => {
    fakeApi({
      'POST /api/session': () =>
        json(401, { error: { code: 'unauthorized', message: 'Wrong user name or password.' } }),
    })
    await store.check().catch(() => undefined)
    const failure = store.signIn('fra', 'wrong')
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({ status: 401 })
    expect(store.state).toMatchObject({ status: 'signedOut', hasExpired: false })
  })

  it('ends the session on any 401 from the API', async () => {
    fakeApi({
      'POST /api/session': () => json(200, FRANCE),
      'GET /api/negotiations': unauthorized,
    })
    await store.signIn('fra', 'demo')
    const { fetchNegotiationList } = await import('../../../client/src/api/negotiations.ts')
    await expect(fetchNegotiationList()).rejects.toMatchObject({ status: 401 })
    expect(store.state).toEqual({ status: 'signedOut', hasExpired: true })
  })

  it('signs out on the server and forgets the offline copies', async () => {
    const sent = fakeApi({
      'POST /api/session': () => json(200, FRANCE),
      'DELETE /api/session': () => new Response(null, { status: 204 }),
      'GET /api/session': () => json(200, { me: null }),
    })
    await store.signIn('fra', 'demo')
    await store.signOut()
    expect(sent.at(-1)).toMatchObject({
      method: 'DELETE',
      url: '/api/session',
      headers: { 'x-csrf-token': 'csrf-of-fra' },
    })
    expect(store.state).toEqual({ status: 'signedOut', hasExpired: false })
    expect(forgetOfflineData).toHaveBeenCalledOnce()

    // Nothing is left for an offline start either.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    const next = new AuthStore({ forgetOfflineData })
    await next.check()
    expect(next.state).toEqual({ status: 'signedOut', hasExpired: false })
  })

  it('opens the offline copy for the last user when the server cannot be reached', async () => {
    fakeApi({ 'POST /api/session': () => json(200, FRANCE) })
    await store.signIn('fra', 'demo')
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    const offline = new AuthStore({ forgetOfflineData })
    await offline.check()
    expect(offline.state).toEqual({
      status: 'signedIn',
      me: { ...FRANCE, csrfToken: null },
      isOffline: true,
    })
  })

  it('forgets the previous user’s offline copies when another user signs in', async () => {
    const mar: Me = {
      ...FRANCE,
      user: { ...FRANCE.user, id: 5, username: 'mar', delegation: 'MAR' },
      csrfToken: 'csrf-of-mar',
    }
    let signedIn = FRANCE
    fakeApi({ 'POST /api/session': () => json(200, signedIn) })
    await store.signIn('fra', 'demo')
    store.expire()
    await store.signIn('fra', 'demo')
    expect(forgetOfflineData).not.toHaveBeenCalled()
    signedIn = mar
    await store.signIn('mar', 'demo')
    expect(forgetOfflineData).toHaveBeenCalledOnce()
  })
})

describe('the CSRF token', () => {
  it('is fetched again, and the request resent once, when another tab replaced the session', async () => {
    const current = 'csrf-of-the-other-tab'
    const sent = fakeApi({
      'POST /api/session': () => json(200, FRANCE),
      'GET /api/me': () => json(200, { ...FRANCE, csrfToken: current }),
      'POST /api/tokens': () =>
        sent.at(-1)?.headers['x-csrf-token'] === current
          ? json(201, {})
          : json(403, { error: { code: 'forbidden', message: 'Missing or wrong CSRF token.' } }),
    })
    await store.signIn('fra', 'demo')
    await send('POST', '/api/tokens', { name: 'script' })
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /api/session',
      'POST /api/tokens',
      'GET /api/me',
      'POST /api/tokens',
    ])

    // A refusal that is not the token's is not sent twice.
    const before = sent.length
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit = {}) => {
        sent.push({ method: init.method ?? 'GET', url, headers: {}, body: undefined })
        return Promise.resolve(
          url === '/api/me'
            ? json(200, { ...FRANCE, csrfToken: current })
            : json(403, { error: { code: 'forbidden', message: 'Only the secretariat.' } }),
        )
      }),
    )
    await expect(send('POST', '/api/users', {})).rejects.toMatchObject({ status: 403 })
    expect(sent.slice(before).map((request) => request.url)).toEqual(['/api/users', '/api/me'])
  })
})
