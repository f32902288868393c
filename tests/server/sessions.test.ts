import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../server/storage/openDatabase.ts'
import { storageConfig } from '../../server/storage/StorageKind.ts'
import { LOGIN_ATTEMPTS_PER_MINUTE, MIN_PASSWORD_LENGTH } from '../../shared/limits.ts'
import { ApiClient, userIdOf } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'

describe('sessions, tokens and CSRF', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let clock = Date.parse('2026-03-26T10:00:00Z')
  const logLines: string[] = []

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString())
        done()
      },
    })
    server = await startTestServer({
      now: () => new Date(clock),
      sessionTtlMs: 60 * 60 * 1000,
      logger: pino({ level: 'trace' }, sink),
    })
  })
  afterAll(() => server.close())

  // Through a connection of its own to the server's database, SQLite or PostgreSQL.
  const storedAuditEvents = async (action: string): Promise<Record<string, unknown>[]> => {
    const { db } = await openDatabase(storageConfig(server.storage), pino({ level: 'silent' }))
    try {
      const rows = await db
        .selectFrom('audit_events')
        .select('details')
        .where('action', '=', action)
        .execute()
      return rows.map((row) => JSON.parse(row.details) as Record<string, unknown>)
    } finally {
      await db.destroy()
    }
  }

  it('signs in with an HttpOnly, SameSite cookie that expires, and says who the user is', async () => {
    const client = new ApiClient(server.url)
    const response = await client.signIn('fra', 'demo')
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    expect(cookie).toMatch(/Expires=/i)
    const me = await client.json<{ user: Record<string, unknown>; roles: unknown[] }>(
      'GET',
      '/api/me',
    )
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ username: 'fra', delegation: 'FRA' })
    expect(me.body.roles).toEqual([{ negotiationId: 'pacte-mondial', role: 'delegation' }])
    expect(JSON.stringify(me.body)).not.toMatch(/password|scrypt/i)
  })

  it('says who is signed in at /api/session, and that nobody is, with 200', async () => {
    const anonymous = await new ApiClient(server.url).json('GET', '/api/session')
    expect(anonymous).toEqual({ status: 200, body: { me: null } })
    const fra = await ApiClient.signedIn(server.url, 'fra')
    const signedIn = await fra.json<{ me: { user: { username: string }; csrfToken: string } }>(
      'GET',
      '/api/session',
    )
    expect(signedIn.status).toBe(200)
    expect(signedIn.body.me.user.username).toBe('fra')
    expect(signedIn.body.me.csrfToken).toBe(fra.csrfToken)
    // /api/me keeps its contract: 401 without a session.
    expect((await new ApiClient(server.url).json('GET', '/api/me')).status).toBe(401)
  })

  it('answers a wrong user and a wrong password the same way', async () => {
    const wrongPassword = await new ApiClient(server.url).json('POST', '/api/session', {
      username: 'mar',
      password: 'nope',
    })
    const wrongUser = await new ApiClient(server.url).json('POST', '/api/session', {
      username: 'nobody',
      password: 'nope',
    })
    expect(wrongPassword.status).toBe(401)
    expect(wrongUser).toEqual(wrongPassword)
  })

  it('never logs or returns a password', async () => {
    const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
    const created = await secretariat.json('POST', '/api/users', {
      username: 'attache',
      displayName: 'Attaché',
      password: 'Very-Secret-42',
      delegation: 'FRA',
    })
    expect(created.status).toBe(201)
    await new ApiClient(server.url).json('POST', '/api/session', {
      username: 'attache',
      password: 'Very-Secret-42',
    })
    const users = await secretariat.json('GET', '/api/users')
    expect(JSON.stringify(users.body)).not.toMatch(/Very-Secret-42|scrypt/)
    expect(logLines.join('')).not.toContain('Very-Secret-42')
  })

  it('ends a session at its expiry and at sign-out', async () => {
    const expiring = await ApiClient.signedIn(server.url, 'deu')
    expect((await expiring.json('GET', '/api/me')).status).toBe(200)
    clock += 60 * 60 * 1000 + 1
    expect((await expiring.json('GET', '/api/me')).status).toBe(401)

    const leaving = await ApiClient.signedIn(server.url, 'bra')
    expect((await leaving.json('DELETE', '/api/session')).status).toBe(204)
    expect((await leaving.json('GET', '/api/me')).status).toBe(401)
  })

  it('refuses state-changing requests without the CSRF token, or not in JSON', async () => {
    const client = await ApiClient.signedIn(server.url, 'phl')
    const noToken = await client.request(
      'POST',
      '/api/tokens',
      { name: 'x' },
      { 'x-csrf-token': '' },
    )
    expect(noToken.status).toBe(403)
    const wrongToken = await client.request(
      'POST',
      '/api/tokens',
      { name: 'x' },
      { 'x-csrf-token': 'forged' },
    )
    expect(wrongToken.status).toBe(403)
    const form = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: client.cookie ?? '' },
      body: 'name=x',
    })
    expect(form.status).toBe(415)
    expect((await client.json('POST', '/api/tokens', { name: 'ok' })).status).toBe(201)
  })

  it('limits sign-in attempts with 429', async () => {
    const client = new ApiClient(server.url)
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE + 2; i++) {
      statuses.push((await client.signIn('egy', 'wrong')).status)
    }
    expect(statuses.slice(0, LOGIN_ATTEMPTS_PER_MINUTE).every((s) => s === 401)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    // Even the right password is refused until the window has passed.
    expect((await client.signIn('egy', 'demo')).status).toBe(429)
    clock += 61_000
    expect((await client.signIn('egy', 'demo')).status).toBe(200)
  })

  it('gives personal API tokens that their owner alone lists and revokes', async () => {
    const owner = await ApiClient.signedIn(server.url, 'mar')
    const token = await owner.createToken('script')
    const script = new ApiClient(server.url)
    script.bearer = token
    expect((await script.json('GET', '/api/me')).body).toMatchObject({ user: { username: 'mar' } })
    // A bearer request carries no ambient credential: no CSRF token needed.
    expect((await script.json('POST', '/api/tokens', { name: 'child' })).status).toBe(201)

    const listed = await owner.json<{ tokens: { id: number; name: string }[] }>(
      'GET',
      '/api/tokens',
    )
    expect(JSON.stringify(listed.body)).not.toContain(token)
    const id = listed.body.tokens.find((t) => t.name === 'script')?.id
    const stranger = await ApiClient.signedIn(server.url, 'fra')
    expect((await stranger.json('DELETE', `/api/tokens/${id}`)).status).toBe(404)
    expect((await owner.json('DELETE', `/api/tokens/${id}`)).status).toBe(204)
    expect((await script.json('GET', '/api/me')).status).toBe(401)
  })

  it('shuts a deactivated user out of every session at once, and back in when reactivated', async () => {
    const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
    const user = await ApiClient.signedIn(server.url, 'phl')
    const script = new ApiClient(server.url)
    script.bearer = await user.createToken('before the deactivation')
    const id = await userIdOf(secretariat, 'phl')
    expect((await secretariat.json('POST', `/api/users/${id}/deactivate`)).status).toBe(204)
    expect((await user.json('GET', '/api/me')).status).toBe(401)
    expect((await new ApiClient(server.url).signIn('phl', 'demo')).status).toBe(401)
    expect((await secretariat.json('POST', `/api/users/${id}/activate`)).status).toBe(204)
    expect((await new ApiClient(server.url).signIn('phl', 'demo')).status).toBe(200)
    // Credentials ended with the deactivation: a token of before does not come back.
    expect((await script.json('GET', '/api/me')).status).toBe(401)
  })

  it('resets a password: the old one, the old sessions and the API tokens stop working', async () => {
    const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
    const user = await ApiClient.signedIn(server.url, 'deu')
    const script = new ApiClient(server.url)
    script.bearer = await user.createToken('before the reset')
    expect((await script.json('GET', '/api/me')).status).toBe(200)
    const id = await userIdOf(secretariat, 'deu')
    const reset = await secretariat.json('POST', `/api/users/${id}/password`, {
      password: 'nouveau-mot-de-passe-42',
    })
    expect(reset.status).toBe(204)
    expect((await user.json('GET', '/api/me')).status).toBe(401)
    expect((await script.json('GET', '/api/me')).status).toBe(401)
    expect((await new ApiClient(server.url).signIn('deu', 'demo')).status).toBe(401)
    const again = await ApiClient.signedIn(server.url, 'deu', 'nouveau-mot-de-passe-42')
    const listed = await again.json<{ tokens: { name: string; revokedAt: string | null }[] }>(
      'GET',
      '/api/tokens',
    )
    expect(listed.body.tokens.map((t) => [t.name, t.revokedAt !== null])).toEqual([
      ['before the reset', true],
    ])
    // Account events belong to no negotiation, so no API lists them: read the stored log.
    expect(await storedAuditEvents('token.revoked')).toContainEqual(
      expect.objectContaining({ userId: id, reason: 'user.passwordReset' }),
    )
  })

  it('refuses a new password shorter than 12 characters, at creation and at reset', async () => {
    const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
    const short = 'x'.repeat(MIN_PASSWORD_LENGTH - 1)
    const refused = await secretariat.json<{ error: { code: string; message: string } }>(
      'POST',
      '/api/users',
      { username: 'short-pw', displayName: 'Short', password: short, delegation: 'FRA' },
    )
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toMatch(/^password: .*12/)
    const created = await secretariat.json<{ id: number }>('POST', '/api/users', {
      username: 'long-pw',
      displayName: 'Long',
      password: 'x'.repeat(MIN_PASSWORD_LENGTH),
      delegation: 'FRA',
    })
    expect(created.status).toBe(201)
    const reset = await secretariat.json('POST', `/api/users/${created.body.id}/password`, {
      password: short,
    })
    expect(reset.status).toBe(400)
    // The refused reset changed nothing: the password set at creation still signs in.
    const user = new ApiClient(server.url)
    expect((await user.signIn('long-pw', 'x'.repeat(MIN_PASSWORD_LENGTH))).status).toBe(200)
    // The demo's accounts keep their short password (demo mode only).
    expect((await new ApiClient(server.url).signIn('fra', 'demo')).status).toBe(200)
  })

  it('names the refusals a console form words in the UI language with stable codes', async () => {
    const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
    type Refusal = { error: { code: string } }
    const user = { displayName: 'Attaché', password: 'x'.repeat(MIN_PASSWORD_LENGTH) }
    const taken = await secretariat.json<Refusal>('POST', '/api/users', {
      ...user,
      username: 'fra',
    })
    expect([taken.status, taken.body.error.code]).toEqual([409, 'username_taken'])
    const unknown = await secretariat.json<Refusal>('POST', '/api/users', {
      ...user,
      username: 'nowhere',
      delegation: 'ZZZ',
    })
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'unknown_delegation'])
    const seat = await secretariat.json<Refusal>(
      'POST',
      '/api/negotiations/pacte-mondial/delegations',
      { code: 'ZZZ' },
    )
    expect([seat.status, seat.body.error.code]).toEqual([400, 'unknown_delegation'])
    const exists = await secretariat.json<Refusal>('POST', '/api/negotiations', {
      id: 'pacte-mondial',
      title: 'Again',
    })
    expect([exists.status, exists.body.error.code]).toEqual([409, 'negotiation_exists'])
  })

  it('answers bad input with a clear error', async () => {
    const client = new ApiClient(server.url)
    const badJson = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":',
    })
    expect(badJson.status).toBe(400)
    expect(await badJson.json()).toMatchObject({ error: { code: 'bad_json' } })
    const wrongTypes = await client.json('POST', '/api/session', { username: 42, password: [] })
    expect(wrongTypes.status).toBe(400)
    const huge = await client.json('POST', '/api/session', {
      username: 'x'.repeat(300_000),
      password: 'y',
    })
    expect(huge.status).toBe(413)
  })
})
