import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { MAX_LINE_CHARS, MAX_RUNNING_IMPORTS } from '../../server/revisions/import/limits.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import {
  encryptedDocx,
  endlessPrinciple,
  overLongLine,
  threeLongLines,
  unterminatedRelationships,
  zipBomb,
} from '../helpers/hostileImports.ts'

/**
 * Hostile files posted to the import route (issue 11): each is answered at once with a clear
 * error while the server goes on answering others, an import past its time limit is stopped,
 * and imports beyond MAX_RUNNING_IMPORTS are turned away. How the readers refuse each file is
 * tested in tests/server/revisionImport.test.ts.
 */

const IMPORT = `/api/negotiations/${DEMO_NEGOTIATION_ID}/revisions/import`
// On main these files held the event loop 5 to 20 s. Now each is read in a worker, which takes
// about half a second to start; the rest leaves room for a slow, shared test machine.
const QUICKLY_MS = 3_000

type TestServer = Awaited<ReturnType<typeof startTestServer>>

interface ImportAnswer {
  status: number
  code: string | undefined
  message: string | undefined
  problems: { line: number; message: string }[]
  retryAfter: string | null
  ms: number
}

let symbols = 0

/** Posts a file to the import route with a co-facilitator's token, timed. */
async function postImport(
  server: TestServer,
  token: string,
  body: string | Uint8Array,
): Promise<ImportAnswer> {
  symbols += 1
  const started = performance.now()
  const response = await fetch(`${server.url}${IMPORT}?symbol=Rev.${symbols}&title=Hostile`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: typeof body === 'string' ? body : new Blob([Buffer.from(body)]),
  })
  const json = (await response.json()) as {
    error?: { code: string; message: string; problems?: ImportAnswer['problems'] }
  }
  return {
    status: response.status,
    code: json.error?.code,
    message: json.error?.message,
    problems: json.error?.problems ?? [],
    retryAfter: response.headers.get('retry-after'),
    ms: performance.now() - started,
  }
}

/** Requests `GET /healthz` until `running` settles; returns each answer's status and time. */
async function healthChecksDuring(server: TestServer, running: Promise<unknown>) {
  let isRunning = true
  void running.finally(() => (isRunning = false))
  const answers: { status: number; ms: number }[] = []
  while (isRunning) {
    const started = performance.now()
    const response = await fetch(`${server.url}/healthz`)
    await response.text()
    if (isRunning) answers.push({ status: response.status, ms: performance.now() - started })
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return answers
}

async function coFacilitatorToken(server: TestServer): Promise<string> {
  return (await ApiClient.signedIn(server.url, 'che')).createToken('imports')
}

describe('hostile imports', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    server = await startTestServer()
    token = await coFacilitatorToken(server)
  })
  afterAll(() => server.close())

  it.each([
    {
      file: 'a text of three 40,000-character lines (20 s on main)',
      body: threeLongLines,
      problem: { line: 1, message: /^The line is longer than 20,000 characters/ },
    },
    {
      file: 'a .docx of 16,000 unterminated <Relationship tags (5 s on main)',
      body: unterminatedRelationships,
      problem: { line: 0, message: /^The \.docx file is damaged \(its XML cannot be read: _rels/ },
    },
    {
      file: 'a zip bomb: 64 MiB of spaces claiming 1,000 bytes',
      body: () => zipBomb(64 * 1024 * 1024),
      problem: { line: 0, message: /^The \.docx file holds a part too large to import$/ },
    },
    {
      file: 'a .docx with an encrypted entry',
      body: encryptedDocx,
      problem: { line: 0, message: /encrypted; save it without a password/ },
    },
    {
      file: 'a text with a line over MAX_LINE_CHARS',
      body: () => overLongLine(MAX_LINE_CHARS + 1),
      problem: { line: 3, message: /^The line is longer than 20,000 characters/ },
    },
  ])('refuses $file at once, with the problem named (400)', async ({ body, problem }) => {
    const answer = await postImport(server, token, body())
    expect(answer.status, answer.message).toBe(400)
    expect(answer.code).toBe('import_failed')
    expect(answer.problems).toHaveLength(1)
    expect(answer.problems[0]?.line).toBe(problem.line)
    expect(answer.problems[0]?.message).toMatch(problem.message)
    expect(answer.ms).toBeLessThan(QUICKLY_MS)
  })

  it('answers other requests while an import is read', async () => {
    // A 4.5 MiB text read in about a second, plus the worker's start.
    const running = postImport(server, token, endlessPrinciple(4.5 * 1024 * 1024))
    const health = await healthChecksDuring(server, running)
    expect((await running).status).toBe(201)
    expect(health.length, 'health checks answered while the import ran').toBeGreaterThan(3)
    expect(health.every(({ status }) => status === 200)).toBe(true)
    expect(Math.max(...health.map(({ ms }) => ms))).toBeLessThan(500)
  })

  it(`turns away imports beyond ${MAX_RUNNING_IMPORTS} at once (503, Retry-After), then takes them again`, async () => {
    const prose = 'Chers collègues,\n\nveuillez trouver ci-joint le texte révisé.'
    const answers = await Promise.all(
      Array.from({ length: MAX_RUNNING_IMPORTS + 2 }, () => postImport(server, token, prose)),
    )
    const busy = answers.filter(({ status }) => status === 503)
    expect(answers.map(({ status }) => status).sort()).toEqual([
      ...Array<number>(MAX_RUNNING_IMPORTS).fill(400),
      503,
      503,
    ])
    expect(busy.map(({ code }) => code)).toEqual(['imports_busy', 'imports_busy'])
    expect(busy.every(({ retryAfter }) => Number(retryAfter) > 0)).toBe(true)
    expect((await postImport(server, token, prose)).status).toBe(400)
  })
})

describe('an import past its time limit', () => {
  let server: TestServer
  let token: string

  beforeAll(async () => {
    // Shorter than a worker takes to start: every import runs out of time.
    server = await startTestServer({ importTimeoutMs: 50 })
    token = await coFacilitatorToken(server)
  })
  afterAll(() => server.close())

  it('is stopped and answered 422, and the server goes on serving', async () => {
    const before = await fetch(`${server.url}/api/negotiations/${DEMO_NEGOTIATION_ID}/revisions`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((response) => response.json() as Promise<unknown>)
    const text = 'Préambule\n\n1. Nous, chefs d’État et de gouvernement, avons adopté ce Pacte.'
    for (let i = 0; i < MAX_RUNNING_IMPORTS + 1; i += 1) {
      // One after the other: a stopped import gives its place back.
      const answer = await postImport(server, token, text)
      expect(answer.status, answer.message).toBe(422)
      expect(answer.code).toBe('import_timeout')
      expect(answer.message).toBe(
        'Reading the file took more than 0.05 s and was stopped: it cannot be imported.',
      )
      expect(answer.ms).toBeLessThan(QUICKLY_MS)
    }
    const after = await fetch(`${server.url}/api/negotiations/${DEMO_NEGOTIATION_ID}/revisions`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((response) => response.json() as Promise<unknown>)
    expect(after).toEqual(before)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})
