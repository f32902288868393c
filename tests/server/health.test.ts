import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/servers/index.ts'
import { TEST_DATABASE } from '../helpers/servers/index.ts'

describe('GET /healthz', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(() => server.close())

  it('says the process is up and which storage it uses, and nothing of how to reach it', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(JSON.parse(text)).toMatchObject({ status: 'ok', storage: TEST_DATABASE })
    for (const secret of [server.storage.databaseUrl, server.dataDir, 'postgres://']) {
      if (secret) expect(text).not.toContain(secret)
    }
  })

  it('answers load balancers that it is ready (GET /readyz)', async () => {
    const response = await fetch(`${server.url}/readyz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ready: true, problems: [] })
  })
})
