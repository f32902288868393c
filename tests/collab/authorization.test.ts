import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseReason, COLLAB_PATH, draftRoomName } from '../../shared/collabProtocol.ts'
import { ApiClient, delegationColorsOf, userIdOf } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { connectWithToken, eventually, firstParagraph, tryUpgrade } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'

describe('the collaboration WebSocket enforces who may do what', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let secretariat: ApiClient
  const tokens: Record<string, string> = {}
  const draftText = async () => {
    const { body } = await secretariat.json<{ document: unknown }>(
      'GET',
      `/api/negotiations/${NID}/draft`,
    )
    return JSON.stringify(body.document)
  }

  beforeAll(async () => {
    server = await startTestServer()
    secretariat = await ApiClient.signedIn(server.url, 'secretariat')
    for (const username of ['fra', 'mar', 'iom', 'che', 'secretariat']) {
      tokens[username] = await (await ApiClient.signedIn(server.url, username)).createToken()
    }
    await secretariat.json('POST', '/api/negotiations', {
      id: 'autre',
      title: 'Une autre négociation',
    })
  })
  afterAll(() => server.close())

  const roomUrl = (nid: string, query = '') =>
    `${server.url.replace(/^http/, 'ws')}${COLLAB_PATH}/${draftRoomName(nid)}${query}`

  it('refuses an unauthenticated upgrade with 401 and a stranger to the negotiation with 403', async () => {
    expect(await tryUpgrade(roomUrl(NID))).toEqual({ status: 401 })
    expect(await tryUpgrade(roomUrl(NID, '?access_token=drt_forged'))).toEqual({ status: 401 })
    expect(await tryUpgrade(roomUrl(NID), { cookie: 'draftroom_session=forged' })).toEqual({
      status: 401,
    })
    expect(await tryUpgrade(roomUrl('autre', `?access_token=${tokens.fra}`))).toEqual({
      status: 403,
    })
    const admitted = await tryUpgrade(roomUrl(NID), { authorization: `Bearer ${tokens.fra}` })
    expect(admitted).toHaveProperty('open')
    if ('open' in admitted) admitted.open.close()
  })

  it('accepts a session cookie on the upgrade', async () => {
    const fra = await ApiClient.signedIn(server.url, 'fra')
    const admitted = await tryUpgrade(roomUrl(NID), { cookie: fra.cookie ?? '' })
    expect(admitted).toHaveProperty('open')
    if ('open' in admitted) admitted.open.close()
  })

  it('drops an observer’s updates, tells it so, and stores nothing', async () => {
    const before = await draftText()
    const witness = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: tokens.mar!,
    })
    const observer = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: tokens.iom!,
      isDraftroomClient: true,
    })
    await Promise.all([witness.synced(), observer.synced()])
    firstParagraph(observer.doc).insert(0, 'OBSERVER WAS HERE ')
    await eventually(() => expect(observer.notices.map((n) => n.code)).toContain('read_only'))
    // And as sync step 2 on a fresh connection, with the same offline content.
    const replay = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: tokens.iom!,
      isDraftroomClient: true,
      doc: (() => {
        const doc = new Y.Doc()
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(observer.doc))
        return doc
      })(),
    })
    await eventually(() => expect(replay.notices.map((n) => n.code)).toContain('read_only'))
    expect(firstParagraph(witness.doc).toString()).not.toContain('OBSERVER')
    expect(await draftText()).toBe(before)
    const audit = await secretariat.json<{
      events: { action: string; details: { code?: string } }[]
    }>('GET', `/api/negotiations/${NID}/audit`)
    expect(
      audit.body.events.some(
        (e) => e.action === 'collab.refused' && e.details.code === 'read_only',
      ),
    ).toBe(true)
    for (const client of [witness, observer, replay]) client.destroy()
  })

  it('lets a delegation and a co-facilitator write, and the secretariat only read', async () => {
    const fra = connectWithToken({ baseUrl: server.url, negotiationId: NID, token: tokens.fra! })
    const che = connectWithToken({ baseUrl: server.url, negotiationId: NID, token: tokens.che! })
    const sec = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: tokens.secretariat!,
      isDraftroomClient: true,
    })
    await Promise.all([fra.synced(), che.synced(), sec.synced()])
    firstParagraph(fra.doc).insert(0, '[FRA] ', {
      insertion: { proposalId: 'auth-fra-1', delegation: 'FRA' },
    })
    firstParagraph(sec.doc).insert(0, '[SECRETARIAT] ')
    await eventually(() => expect(firstParagraph(che.doc).toString()).toContain('[FRA]'))
    await eventually(() => expect(sec.notices.map((n) => n.code)).toContain('read_only'))
    expect(firstParagraph(che.doc).toString()).not.toContain('[SECRETARIAT]')
    expect(await draftText()).toContain('[FRA]')
    expect(await draftText()).not.toContain('[SECRETARIAT]')
    for (const client of [fra, che, sec]) client.destroy()
  })

  it('stamps presence with the authenticated identity and refuses forged presence', async () => {
    const fra = connectWithToken({ baseUrl: server.url, negotiationId: NID, token: tokens.fra! })
    const mar = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: tokens.mar!,
      isDraftroomClient: true,
    })
    const che = connectWithToken({ baseUrl: server.url, negotiationId: NID, token: tokens.che! })
    await Promise.all([fra.synced(), mar.synced(), che.synced()])
    // Morocco's colour in this negotiation, as the server gives it.
    const marColor = (await delegationColorsOf(secretariat, NID)).get('MAR')
    expect(marColor).toMatch(/^#[0-9a-f]{6}$/)

    // MAR claims to be France.
    mar.provider.awareness.setLocalStateField('user', {
      name: 'France',
      delegation: 'FRA',
      color: '#000',
    })
    fra.provider.awareness.setLocalStateField('user', { name: 'France', delegation: 'FRA' })
    await eventually(() => {
      const seen = che.provider.awareness.getStates().get(mar.doc.clientID) as
        { user?: unknown } | undefined
      expect(seen?.user).toEqual({
        name: 'Délégation du Maroc',
        delegation: 'MAR',
        role: 'delegation',
        color: marColor,
      })
    })

    // MAR forges a newer state of France's own presence entry. (An entry no newer than the
    // room's is an echo, which y-websocket clients send of every presence: dropped silently.)
    const forged = new awarenessProtocol.Awareness(new Y.Doc())
    forged.clientID = fra.doc.clientID
    for (let i = 0; i < 20; i++) forged.setLocalState({ user: { name: 'Hijacked', n: i } })
    const forgedUpdate = awarenessProtocol.encodeAwarenessUpdate(forged, [fra.doc.clientID])
    const { awarenessMessage } = await import('../../server/collab/messages.ts')
    mar.provider.ws?.send(awarenessMessage(forgedUpdate) as Uint8Array<ArrayBuffer>)
    await eventually(() => expect(mar.notices.map((n) => n.code)).toContain('forged_presence'))
    const franceSeen = che.provider.awareness.getStates().get(fra.doc.clientID) as {
      user?: { name?: string }
    }
    expect(franceSeen.user?.name).toBe('Délégation de la France')
    for (const client of [fra, mar, che]) client.destroy()
  })

  it('applies deactivation and role changes to open connections within seconds', async () => {
    const egy = await ApiClient.signedIn(server.url, 'egy')
    const egyToken = await egy.createToken()
    const client = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: egyToken,
      isDraftroomClient: true,
    })
    await client.synced()
    const id = await userIdOf(secretariat, 'egy')

    await secretariat.json('PUT', `/api/negotiations/${NID}/roles/${id}`, { role: 'observer' })
    await eventually(() => expect(client.notices.map((n) => n.code)).toContain('role_changed'))
    firstParagraph(client.doc).insert(0, '[EGY AS OBSERVER] ')
    await eventually(() => expect(client.notices.map((n) => n.code)).toContain('read_only'))
    expect(await draftText()).not.toContain('[EGY AS OBSERVER]')

    client.provider.shouldConnect = false
    const closed = new Promise<number>((resolve) =>
      client.provider.ws?.addEventListener('close', (event) => resolve(event.code)),
    )
    await secretariat.json('POST', `/api/users/${id}/deactivate`)
    expect(await closed).toBe(CloseReason.unauthenticated.code)
    client.destroy()
  })

  it('closes a connection opened with an API token when its owner’s password is reset', async () => {
    const bra = await ApiClient.signedIn(server.url, 'bra')
    const client = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: await bra.createToken('before the reset'),
    })
    await client.synced()
    client.provider.shouldConnect = false
    let closeCode: number | null = null
    client.provider.ws?.addEventListener('close', (event) => (closeCode = event.code))
    const id = await userIdOf(secretariat, 'bra')
    await secretariat.json('POST', `/api/users/${id}/password`, {
      password: 'nouveau-mot-de-passe-42',
    })
    await eventually(() => expect(closeCode).toBe(CloseReason.unauthenticated.code))
    client.destroy()
  })
})
