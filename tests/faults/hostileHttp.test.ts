import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { ErrorBody } from '../../shared/api.ts'
import { MAX_JSON_BODY_BYTES } from '../../shared/limits.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import type { DraftroomServer } from '../../server/app.ts'
import { pause } from './seeds.ts'

/**
 * Hostile input on the HTTP API (DESIGN.md 7 and 9): malformed JSON, wrong types, bodies above
 * the limit, injection strings in every text field, and path tricks in ids. Each is refused
 * with a clear error (400, 413, 415, 401, 404, never a 500), or stored verbatim and returned
 * JSON-encoded, and escaped in HTML; meanwhile other users are served without a failure.
 *
 * (The WebSocket side is in hostileInput.test.ts: one file per surface keeps each readable.)
 */

const NID = DEMO_NEGOTIATION_ID

/** Strings that mean something to a browser, a database, a shell, a template or a file system. */
const INJECTIONS = [
  '<script>alert("draftroom")</script>',
  "'; DROP TABLE users; --",
  "Robert'); DELETE FROM negotiations WHERE ('1'='1",
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '\u202egnp.exe',
  // 120 UTF-16 code units of right-to-left, astral and combining text.
  'ﷺ𒐫😀é'.repeat(20),
]
/** PostgreSQL's text cannot hold it, so no text may (see the test of its own). */
const NUL_TEXT = 'nul\u0000byte'
/** Longer than any text field allows (4,000 code units). */
const TOO_LONG = '😀'.repeat(2_500)
/** What must never appear raw in an HTML page. */
const RAW_MARKUP = ['<script>alert', '<img src=x onerror']

let server: DraftroomServer & { dataDir: string }
let secretariat: string
let che: string
let fra: string
/** What went wrong for other users while the attacks ran (see the last test). */
const othersFailures: string[] = []
let othersServed = 0
let isWatching = true
let watcher: Promise<void>

interface Answer {
  status: number
  type: string
  text: string
  json: unknown
}

/** One request with a personal token (no CSRF token needed), the body sent as given. */
async function send(
  method: string,
  path: string,
  props: { token?: string; body?: string | Uint8Array<ArrayBuffer>; contentType?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (props.token) headers.authorization = `Bearer ${props.token}`
  if (props.body !== undefined) headers['content-type'] = props.contentType ?? 'application/json'
  const body = typeof props.body === 'string' ? props.body : props.body && new Blob([props.body])
  const response = await fetch(`${server.url}${path}`, { method, headers, body })
  const text = await response.text()
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {
    // Not JSON: HTML, or an empty body.
  }
  return { status: response.status, type: response.headers.get('content-type') ?? '', text, json }
}

const sendJson = (method: string, path: string, token: string, body: unknown) =>
  send(method, path, { token, body: JSON.stringify(body) })

/** An HTTP request with the path exactly as given: no URL normalisation on the way. */
function rawRequest(
  method: string,
  path: string,
  token: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url)
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { authorization: `Bearer ${token}`, 'content-length': 0 },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
      },
    )
    request.on('error', reject)
    request.end()
  })
}

/** An error in the API's shape, with a status that says whose fault it is. */
function expectClientError(answer: Answer, statuses: number[], label: string): void {
  expect(statuses, `${label}: ${answer.status} ${answer.text.slice(0, 200)}`).toContain(
    answer.status,
  )
  expect(answer.type, label).toMatch(/^application\/json/)
  expect(ErrorBody.safeParse(answer.json).success, `${label}: ${answer.text.slice(0, 200)}`).toBe(
    true,
  )
}

const tokenOf = async (username: string) =>
  (await ApiClient.signedIn(server.url, username)).createToken()

beforeAll(async () => {
  server = await startTestServer()
  secretariat = await tokenOf('secretariat')
  che = await tokenOf('che')
  fra = await tokenOf('fra')
  const mex = await tokenOf('mex')
  // Another user reads the draft and the health check all along.
  watcher = (async () => {
    while (isWatching) {
      for (const path of ['/healthz', `/api/negotiations/${NID}/draft`]) {
        try {
          const answer = await send('GET', path, { token: mex })
          if (answer.status === 200) othersServed++
          else othersFailures.push(`${path}: ${answer.status}`)
        } catch (error) {
          othersFailures.push(`${path}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      await pause(50)
    }
  })()
})

afterAll(async () => {
  isWatching = false
  await watcher
  await server?.close()
})

describe('hostile input on the HTTP API', () => {
  it('refuses malformed JSON, wrong types and other shapes with 400 or 415', async () => {
    const malformed = ['{"username": "che", ', '{username: "che"}', "{'a': 1}", '"che"', '123', '']
    for (const body of malformed) {
      const answer = await send('POST', '/api/session', { body: body || ' ' })
      expectClientError(answer, [400], `malformed ${JSON.stringify(body)}`)
    }
    const wrongShapes: unknown[] = [
      [],
      null,
      { username: 123, password: 'demo' },
      { username: 'che', password: ['demo'] },
      { username: { $gt: '' }, password: { $ne: null } },
      { username: 'che' },
    ]
    for (const body of wrongShapes) {
      const answer = await send('POST', '/api/session', { body: JSON.stringify(body) })
      expectClientError(answer, [400], `sign-in with ${JSON.stringify(body)}`)
    }
    const wrongTypes: [string, string, string, unknown][] = [
      ['POST', '/api/users', secretariat, { username: 'x1', displayName: 42, password: true }],
      [
        'POST',
        '/api/users',
        secretariat,
        { username: 'x2', displayName: 'X', password: 'demo', isSecretariat: 'yes' },
      ],
      ['POST', '/api/negotiations', secretariat, { id: ['a'], title: 'T' }],
      ['POST', '/api/delegations', secretariat, { code: 123, nameFr: 'a', nameEn: 'b' }],
      ['POST', `/api/negotiations/${NID}/proposals/decide`, che, { decision: 'maybe' }],
      [
        'POST',
        `/api/negotiations/${NID}/proposals/decide`,
        che,
        { decision: 'accept', objective: -1 },
      ],
      [
        'POST',
        `/api/negotiations/${NID}/proposals/decide`,
        che,
        { decision: 'accept', objective: 1e308 },
      ],
      ['POST', `/api/negotiations/${NID}/revisions`, che, { symbol: 1, title: null }],
      [
        'POST',
        `/api/negotiations/${NID}/silence`,
        che,
        { revisionId: 'x', note: 'n', deadline: 'tomorrow' },
      ],
      ['POST', '/api/tokens', che, { name: { toString: 'x' } }],
    ]
    for (const [method, path, token, body] of wrongTypes) {
      const answer = await sendJson(method, path, token, body)
      expectClientError(answer, [400], `${path} with ${JSON.stringify(body)}`)
    }
    // A JSON array nested 50,000 deep, where a string is expected.
    const deep = `{"username": ${'['.repeat(50_000)}${']'.repeat(50_000)}, "password": "x"}`
    expectClientError(await send('POST', '/api/session', { body: deep }), [400], 'deep nesting')
    // Not JSON at all.
    const form = await send('POST', '/api/tokens', {
      token: che,
      body: 'name=x',
      contentType: 'application/x-www-form-urlencoded',
    })
    expectClientError(form, [415], 'a form post')

    // Keys that would pollute prototypes are plain data: the new user is no secretariat.
    const polluted = await send('POST', '/api/users', {
      token: secretariat,
      body: `{"__proto__": {"isSecretariat": true}, "constructor": {"prototype": {"isSecretariat": true}},
        "username": "proto-user", "displayName": "Proto", "password": "demo-passphrase"}`,
    })
    expect(polluted.status).toBe(201)
    const users = (await send('GET', '/api/users', { token: secretariat })).json as {
      users: { username: string; isSecretariat: boolean }[]
    }
    expect(users.users.find((user) => user.username === 'proto-user')?.isSecretariat).toBe(false)
    expect(({} as Record<string, unknown>).isSecretariat).toBeUndefined()
  })

  it('refuses bodies above the limit with 413, without reading them whole', async () => {
    const justAbove = JSON.stringify({ username: 'x'.repeat(MAX_JSON_BODY_BYTES), password: 'x' })
    expectClientError(await send('POST', '/api/session', { body: justAbove }), [413], 'sign-in')
    const decision = JSON.stringify({ decision: 'é'.repeat(MAX_JSON_BODY_BYTES) })
    expectClientError(
      await send('POST', `/api/negotiations/${NID}/proposals/decide`, {
        token: che,
        body: decision,
      }),
      [413],
      'a bulk decision',
    )
    const started = performance.now()
    const huge = new Uint8Array(20 * 1024 * 1024).fill(0x61)
    expectClientError(
      await send('POST', '/api/tokens', { token: che, body: huge }),
      [413],
      '20 MiB of JSON',
    )
    expect(performance.now() - started, 'time to refuse 20 MiB').toBeLessThan(5_000)
    const importAnswer = await send(
      'POST',
      `/api/negotiations/${NID}/revisions/import?symbol=X&title=Y`,
      { token: che, body: new Uint8Array(6 * 1024 * 1024).fill(0x61), contentType: 'text/plain' },
    )
    expectClientError(importAnswer, [413], 'an import of 6 MiB')
  })

  it('stores injection strings verbatim in every text field and returns them JSON-encoded', async () => {
    for (const [i, text] of INJECTIONS.entries()) {
      const label = JSON.stringify(text)
      // Names of accounts, delegations, negotiations and tokens.
      const user = await sendJson('POST', '/api/users', secretariat, {
        username: `inj-${i}`,
        displayName: text,
        password: 'demo-passphrase',
      })
      expect(user.status, `display name ${label}: ${user.text}`).toBe(201)
      const code = `Q${String.fromCharCode(65 + i)}Z`
      const delegation = await sendJson('POST', '/api/delegations', secretariat, {
        code,
        nameFr: text,
        nameEn: text,
      })
      expect(delegation.status, `delegation ${label}: ${delegation.text}`).toBe(201)
      const negotiation = await sendJson('POST', '/api/negotiations', secretariat, {
        id: `inj-${i}`,
        title: text,
      })
      expect(negotiation.status, `title ${label}: ${negotiation.text}`).toBe(201)
      const token = await sendJson('POST', '/api/tokens', che, { name: text })
      expect(token.status, `token name ${label}: ${token.text}`).toBe(201)
      // Where a pattern applies, the string is refused, not cleaned.
      for (const [path, body] of [
        ['/api/users', { username: text, displayName: 'X', password: 'demo-passphrase' }],
        ['/api/negotiations', { id: text, title: 'X' }],
        ['/api/delegations', { code: text, nameFr: 'X', nameEn: 'X' }],
      ] as const) {
        expectClientError(
          await sendJson('POST', path, secretariat, body),
          [400],
          `${path} ${label}`,
        )
      }
    }

    const users = (await send('GET', '/api/users', { token: secretariat })).json as {
      users: { username: string; displayName: string }[]
    }
    const delegations = (await send('GET', '/api/delegations', { token: secretariat })).json as {
      delegations: { code: string; nameFr: string; nameEn: string }[]
    }
    const tokens = (await send('GET', '/api/tokens', { token: che })).json as {
      tokens: { name: string }[]
    }
    for (const [i, text] of INJECTIONS.entries()) {
      const label = JSON.stringify(text)
      expect(users.users.find((u) => u.username === `inj-${i}`)?.displayName, label).toBe(text)
      const code = `Q${String.fromCharCode(65 + i)}Z`
      expect(
        delegations.delegations.find((d) => d.code === code),
        label,
      ).toMatchObject({
        nameFr: text,
        nameEn: text,
      })
      expect(
        tokens.tokens.map((t) => t.name),
        label,
      ).toContain(text)
      const negotiation = await send('GET', `/api/negotiations/inj-${i}`, { token: secretariat })
      expect(negotiation.type).toMatch(/^application\/json/)
      expect((negotiation.json as { title: string }).title, label).toBe(text)
    }

    // Too long for any field: refused with 400, not truncated.
    for (const [path, token, body] of [
      [
        '/api/users',
        secretariat,
        { username: 'long-1', displayName: TOO_LONG, password: 'demo-passphrase' },
      ],
      ['/api/negotiations', secretariat, { id: 'long-1', title: TOO_LONG }],
      ['/api/tokens', che, { name: TOO_LONG }],
      [`/api/negotiations/${NID}/revisions`, che, { symbol: 'L', title: TOO_LONG }],
    ] as const) {
      expectClientError(await sendJson('POST', path, token, body), [400], `${path}: too long`)
    }
  })

  it('keeps injection strings inert in revisions, proposals, comments and the silence procedure', async () => {
    const revisionIds: string[] = []
    for (const [i, text] of INJECTIONS.entries()) {
      const label = JSON.stringify(text)
      const published = await sendJson('POST', `/api/negotiations/${NID}/revisions`, che, {
        symbol: text.length <= 40 ? text : `L.${i}`,
        title: text,
      })
      expect(published.status, `revision ${label}: ${published.text}`).toBe(201)
      const { id } = published.json as { id: string }
      revisionIds.push(id)
      const json = await send('GET', `/api/negotiations/${NID}/revisions/${id}`, { token: fra })
      expect(json.json, label).toMatchObject({ title: text })
      const page = await send('GET', `/api/negotiations/${NID}/revisions/${id}?format=html`, {
        token: fra,
      })
      expect(page.status).toBe(200)
      for (const markup of RAW_MARKUP)
        expect(page.text, `revision page ${label}`).not.toContain(markup)
    }
    const escaped = await send(
      'GET',
      `/api/negotiations/${NID}/revisions/${revisionIds[0]}?format=html`,
      { token: fra },
    )
    expect(escaped.text).toContain('&lt;script&gt;alert(&quot;draftroom&quot;)&lt;/script&gt;')

    // Comments on a proposal, by a delegation.
    const open = (
      await send('GET', `/api/negotiations/${NID}/proposals?status=open`, { token: fra })
    ).json as { proposals: { id: string }[] }
    const proposalId = open.proposals[0]?.id
    expect(proposalId, 'an open proposal in the demo').toBeDefined()
    for (const text of INJECTIONS) {
      const answer = await sendJson(
        'POST',
        `/api/negotiations/${NID}/proposals/${proposalId}/comment`,
        fra,
        { text },
      )
      expect(answer.status, `comment ${JSON.stringify(text)}: ${answer.text}`).toBe(200)
    }
    const after = (
      await send('GET', `/api/negotiations/${NID}/proposals?status=open`, { token: fra })
    ).json as { proposals: { id: string; comments: { text: string }[] }[] }
    const comments = after.proposals.find((p) => p.id === proposalId)?.comments.map((c) => c.text)
    for (const text of INJECTIONS) expect(comments, JSON.stringify(text)).toContain(text)
    const compilation = await send(
      'GET',
      `/api/negotiations/${NID}/proposals/compilation?format=html`,
      { token: fra },
    )
    expect(compilation.status).toBe(200)
    for (const markup of RAW_MARKUP) expect(compilation.text).not.toContain(markup)
    // A negotiation titled with markup, in its own compilation.
    const titled = await send('GET', '/api/negotiations/inj-0/proposals/compilation?format=html', {
      token: secretariat,
    })
    expect(titled.status).toBe(200)
    for (const markup of RAW_MARKUP) expect(titled.text).not.toContain(markup)

    // Queries: a filter that is not one is refused; one that matches nothing finds nothing.
    expectClientError(
      await send('GET', `/api/negotiations/${NID}/proposals?status=%3Cscript%3E`, { token: fra }),
      [400],
      'status filter',
    )
    for (const query of [
      `delegation=${encodeURIComponent("' OR '1'='1")}`,
      `objective=${encodeURIComponent('1; DROP TABLE proposals')}`,
    ]) {
      const answer = await send('GET', `/api/negotiations/${NID}/proposals?${query}`, {
        token: fra,
      })
      expect(answer.status, query).toBe(200)
      expect((answer.json as { proposals: unknown[] }).proposals, query).toEqual([])
    }

    // The silence procedure: a cover note and a statement breaking silence.
    const note = INJECTIONS.join('\n')
    const started = await sendJson('POST', `/api/negotiations/${NID}/silence`, che, {
      revisionId: revisionIds[0],
      note,
    })
    expect(started.status, started.text).toBe(201)
    const { id: procedureId } = started.json as { id: string }
    const broken = await sendJson(
      'POST',
      `/api/negotiations/${NID}/silence/${procedureId}/break`,
      fra,
      { statement: note },
    )
    expect(broken.status, broken.text).toBe(200)
    const procedure = (
      await send('GET', `/api/negotiations/${NID}/silence/${procedureId}`, { token: fra })
    ).json as { note: string; brokenBy: { statement: string } }
    expect(procedure.note).toBe(note)
    expect(procedure.brokenBy.statement).toBe(note)

    // Signing in with an injection is a failed sign-in; the users are still there.
    for (const text of INJECTIONS.slice(0, 3)) {
      const answer = await send('POST', '/api/session', {
        body: JSON.stringify({ username: text, password: text }),
      })
      expectClientError(answer, [400, 401], `sign-in as ${JSON.stringify(text)}`)
    }
    expect((await ApiClient.signedIn(server.url, 'che')).csrfToken).toBeTruthy()
  })

  it('refuses the NUL character in any text, path or query with 400, on every database', async () => {
    const open = (
      await send('GET', `/api/negotiations/${NID}/proposals?status=open`, { token: fra })
    ).json as { proposals: { id: string }[] }
    for (const [path, token, body] of [
      [
        '/api/users',
        secretariat,
        { username: 'nul-1', displayName: NUL_TEXT, password: 'demo-passphrase' },
      ],
      ['/api/delegations', secretariat, { code: 'QNZ', nameFr: NUL_TEXT, nameEn: 'X' }],
      ['/api/negotiations', secretariat, { id: 'nul-1', title: NUL_TEXT }],
      ['/api/tokens', che, { name: NUL_TEXT }],
      [`/api/negotiations/${NID}/revisions`, che, { symbol: 'NUL', title: NUL_TEXT }],
      [
        `/api/negotiations/${NID}/proposals/${open.proposals[0]?.id}/comment`,
        fra,
        { text: NUL_TEXT },
      ],
      ['/api/session', '', { username: NUL_TEXT, password: NUL_TEXT }],
    ] as const) {
      const answer = token
        ? await sendJson('POST', path, token, body)
        : await send('POST', path, { body: JSON.stringify(body) })
      expectClientError(answer, [400], `${path} with a NUL character`)
      expect(answer.text).toContain('NUL character')
    }
    for (const path of [
      `/api/negotiations/${NID}%00/draft`,
      `/api/negotiations/${NID}/revisions/r%00`,
      `/api/negotiations/${NID}/proposals?delegation=FRA%00`,
    ]) {
      expectClientError(await send('GET', path, { token: fra }), [400], path)
    }
    const titles = (await send('GET', '/api/negotiations', { token: secretariat })).json as {
      negotiations: { id: string }[]
    }
    expect(titles.negotiations.map((n) => n.id)).not.toContain('nul-1')
  })

  it('answers path tricks in ids with 400 or 404, and never a file', async () => {
    const long = 'a'.repeat(10_000)
    const apiPaths: [string, string][] = [
      ['GET', '/api/negotiations/..%2F..%2Fetc/draft'],
      ['GET', '/api/negotiations/%2e%2e/draft'],
      ['GET', '/api/negotiations/..%252F..%252Fetc/draft'],
      ['GET', `/api/negotiations/${NID}%00/draft`],
      ['GET', `/api/negotiations/%00${NID}/draft`],
      ['GET', `/api/negotiations/${long}/draft`],
      ['GET', `/api/negotiations/${NID}/revisions/..%2F..%2Fetc%2Fpasswd`],
      ['GET', `/api/negotiations/${NID}/revisions/rev-%00%00%00%00%00%00`],
      ['GET', `/api/negotiations/${NID}/revisions/rev-${long}`],
      ['GET', `/api/negotiations/${NID}/silence/..%2F`],
      ['GET', `/api/negotiations/${NID}/compare?from=..%2F..%2Fetc%2Fpasswd&to=live`],
      ['POST', `/api/negotiations/${NID}/proposals/%00%00%00%00%00%00/comment`],
      ['POST', `/api/negotiations/${NID}/proposals/..%2F..%2F/support`],
      ['POST', '/api/users/1e999/password'],
      ['POST', '/api/users/-1/deactivate'],
      ['DELETE', '/api/tokens/NaN'],
      ['DELETE', '/api/tokens/0x10'],
      ['GET', '/api/negotiations/../../etc/passwd'],
    ]
    for (const [method, path] of apiPaths) {
      const answer = await rawRequest(method, path, secretariat)
      expect(
        [400, 404],
        `${method} ${path.slice(0, 120)}: ${answer.status} ${answer.text.slice(0, 200)}`,
      ).toContain(answer.status)
      expect(answer.text).not.toContain('root:x:0:0')
    }
    // Outside the API: the single-page app, a refusal, or nothing; never a file from elsewhere.
    for (const path of [
      '/..%2F..%2F..%2Fetc%2Fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/../../../etc/passwd',
      '/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
      '/collab/..%2F..%2Fetc%2Fpasswd',
    ]) {
      const answer = await rawRequest('GET', path, secretariat)
      expect([200, 400, 403, 404], `${path}: ${answer.status}`).toContain(answer.status)
      expect(answer.text, path).not.toContain('root:x:0:0')
    }
    // Longer than the server reads headers for: refused before any route.
    const tooLong = await rawRequest('GET', `/api/negotiations/${'a'.repeat(20_000)}/draft`, che)
    expect([400, 404, 414, 431]).toContain(tooLong.status)
  })

  it('served the other users without a failure throughout', () => {
    expect(othersFailures).toEqual([])
    expect(othersServed).toBeGreaterThan(10)
  })
})
