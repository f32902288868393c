import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COLLAB_PATH, draftRoomName } from '../../shared/collabProtocol.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { connectWithToken, tryUpgrade } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const PROXY_ORIGIN = 'https://draftroom.example.org'

describe('the collaboration WebSocket refuses pages of other sites', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let cookie: string

  beforeAll(async () => {
    server = await startTestServer({ allowedOrigins: [PROXY_ORIGIN] })
    cookie = (await ApiClient.signedIn(server.url, 'fra')).cookie ?? ''
  })
  afterAll(() => server.close())

  const roomUrl = () => `${server.url.replace(/^http/, 'ws')}${COLLAB_PATH}/${draftRoomName(NID)}`
  const upgradeFrom = (origin: string) => tryUpgrade(roomUrl(), { cookie, origin })
  const expectOpen = (answer: Awaited<ReturnType<typeof tryUpgrade>>) => {
    expect(answer).toHaveProperty('open')
    if ('open' in answer) answer.open.close()
  }

  it('refuses with 403 an upgrade from another origin, even with a valid session cookie', async () => {
    expect(await upgradeFrom('https://evil.example.com')).toEqual({ status: 403 })
    // Same host, another scheme or port: another origin all the same.
    const port = new URL(server.url).port
    expect(await upgradeFrom(`https://localhost:${port}`)).toEqual({ status: 403 })
    expect(await upgradeFrom(`http://localhost:${Number(port) + 1}`)).toEqual({ status: 403 })
    // What a sandboxed frame or a local file sends.
    expect(await upgradeFrom('null')).toEqual({ status: 403 })
  })

  it('accepts the server’s own origin, as the browser writes it', async () => {
    expectOpen(await upgradeFrom(server.url))
    expectOpen(await upgradeFrom(server.url.toUpperCase()))
  })

  it('accepts an origin of ALLOWED_ORIGINS', async () => {
    expectOpen(await upgradeFrom(PROXY_ORIGIN))
    expect(await upgradeFrom('https://other.example.org')).toEqual({ status: 403 })
  })

  it('accepts an upgrade without Origin: the stock client in Node syncs', async () => {
    expectOpen(await tryUpgrade(roomUrl(), { cookie }))
    const fra = await ApiClient.signedIn(server.url, 'fra')
    const client = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: await fra.createToken(),
    })
    await client.synced()
    client.destroy()
  })
})
