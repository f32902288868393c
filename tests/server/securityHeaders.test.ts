import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'

const API = '/api/negotiations/pacte-mondial'

/** A Content-Security-Policy header as directive -> sources. */
const policyOf = (response: Response): Record<string, string[]> => {
  const policy: Record<string, string[]> = {}
  for (const directive of (response.headers.get('content-security-policy') ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/)
    if (name) policy[name] = sources
  }
  return policy
}

describe('security headers', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let client: ApiClient
  let revisionId: string

  beforeAll(async () => {
    server = await startTestServer()
    client = new ApiClient(server.url)
    client.bearer = await (await ApiClient.signedIn(server.url, 'che')).createToken()
    const { body } = await client.json<{ revisions: { id: string }[] }>('GET', API)
    revisionId = body.revisions[0]?.id ?? ''
  })
  afterAll(() => server.close())

  it('forbids sniffing on JSON answers, errors and downloads', async () => {
    for (const response of [
      await client.request('GET', '/api/me'),
      await fetch(`${server.url}/api/me`),
      await client.request('GET', `${API}/nothing-here`),
      await fetch(`${server.url}/healthz`),
      await client.request('GET', `${API}/revisions/${revisionId}?format=docx`),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('serves the HTML exports as documents that may style themselves and run nothing', async () => {
    for (const path of [
      `${API}/revisions/${revisionId}?format=html`,
      `${API}/compare?from=${revisionId}&to=live&format=html`,
      `${API}/proposals/compilation?format=html`,
    ]) {
      const response = await client.request('GET', path)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      const policy = policyOf(response)
      expect(policy).toEqual({
        'default-src': ["'none'"],
        'style-src': ["'unsafe-inline'"],
        'base-uri': ["'none'"],
        'form-action': ["'none'"],
        'frame-ancestors': ["'none'"],
      })
      // What the policy allows is all the page uses: one inline stylesheet.
      const html = await response.text()
      expect(html).toContain('<style>')
      expect(html).not.toMatch(/<script|<img|<link|url\(/i)
    }
  })

  it('gives the app shell a policy that runs only our own scripts and is never framed', async () => {
    const response = await fetch(`${server.url}/negotiations/pacte-mondial`)
    const policy = policyOf(response)
    expect(policy['script-src']).toEqual(["'self'"])
    expect(policy['object-src']).toEqual(["'none'"])
    expect(policy['frame-ancestors']).toEqual(["'none'"])
    expect(policy['connect-src']).toEqual(["'self'"])
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
