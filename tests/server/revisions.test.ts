import { createHash } from 'node:crypto'
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Tab, TextRun } from 'docx'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Comparison, type ComparedParagraph } from '../../shared/compare/index.ts'
import { blocksOfJSON, type BlockNumber, type DraftJSON } from '../../shared/numbering.ts'
import type { RevisionSummary } from '../../shared/revisions.ts'
import { newUid } from '../../shared/schema/index.ts'
import { ApiClient, userIdOf } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { blockByUid, connectWithToken, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const API = `/api/negotiations/${NID}`
const INVOLUNTARILY = 'involontairement'
const DIRECTLY = 'directement ou indirectement'

type Server = Awaited<ReturnType<typeof startTestServer>>
type ErrorBody = { error: { code: string; message: string; problems?: unknown } }

/** `GET revisions/:rid?format=json`: the summary, the stored content and its numbering. */
interface RevisionDetail extends RevisionSummary {
  document: DraftJSON
  numbering: Record<string, BlockNumber>
}

/** `GET compare?format=json`. */
type ComparisonBody = Comparison & {
  from: string
  to: string
  labels: { from: string; to: string }
}

const textOfNode = (node: DraftJSON | undefined): string =>
  node?.text ?? (node?.content ?? []).map(textOfNode).join('')

const nodeByUid = (document: DraftJSON, uid: string): DraftJSON => {
  const node = blocksOfJSON(document).find((block) => block.attrs?.uid === uid)
  if (!node) throw new Error(`no block ${uid}`)
  return node
}

const ofType = (document: DraftJSON, type: string) =>
  blocksOfJSON(document).filter((node) => node.type === type)

const changesOf = (comparison: Comparison) =>
  comparison.paragraphs.filter((paragraph) => paragraph.status !== 'unchanged')

/** The words a paragraph's diff removed and added, each side joined. */
const diffSides = (paragraph: ComparedParagraph | undefined) => ({
  removed: (paragraph?.diff ?? []).filter(([op]) => op === -1).map(([, text]) => text.trim()),
  added: (paragraph?.diff ?? []).filter(([op]) => op === 1).map(([, text]) => text.trim()),
})

const SHA256 = /^[0-9a-f]{64}$/

/** The problems of a refused import, each with its line (0: the whole file). */
const problemsOf = (error: ErrorBody['error']) =>
  (error.problems ?? []) as { line: number; message: string }[]

const NO_CHANGES = {
  changed: 0,
  inserted: 0,
  deleted: 0,
  moved: 0,
  wordsAdded: 0,
  wordsRemoved: 0,
}

/** Requests of one signed-in user on the demo negotiation. */
function revisionsApi(client: ApiClient) {
  return {
    list: async () =>
      (await client.json<{ revisions: RevisionSummary[] }>('GET', `${API}/revisions`)).body
        .revisions,
    publish: (body: unknown) =>
      client.json<RevisionSummary & ErrorBody>('POST', `${API}/revisions`, body),
    get: async (id: string) => {
      const response = await client.json<RevisionDetail>('GET', `${API}/revisions/${id}`)
      expect(response.status).toBe(200)
      return response.body
    },
    compare: (query: string) =>
      client.json<ComparisonBody & ErrorBody>('GET', `${API}/compare?${query}`),
    liveDraft: async () =>
      (await client.json<{ document: DraftJSON }>('GET', `${API}/draft`)).body.document,
  }
}

/** Posts a file body (not JSON) with the session cookie and CSRF token, as the client does. */
async function postFile(
  client: ApiClient,
  pathname: string,
  body: Uint8Array | string,
  contentType = 'text/plain; charset=utf-8',
): Promise<{ status: number; body: RevisionSummary & ErrorBody }> {
  const headers: Record<string, string> = { 'content-type': contentType }
  if (client.cookie) headers.cookie = client.cookie
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken
  const response = await fetch(`${client.baseUrl}${pathname}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Blob([Buffer.from(body)]),
  })
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as never }
}

const importPath = (symbol: string | null, title: string | null = 'Révision importée') => {
  const query = new URLSearchParams()
  if (symbol !== null) query.set('symbol', symbol)
  if (title !== null) query.set('title', title)
  return `${API}/revisions/import?${query.toString()}`
}

/** A stock y-websocket client of the demo draft, as `username`. */
async function stockClient(server: Server, username: string) {
  const token = await (await ApiClient.signedIn(server.url, username)).createToken()
  const client = connectWithToken({ baseUrl: server.url, negotiationId: NID, token })
  await client.synced()
  return client
}

/** Inserts a paragraph of plain text into the preamble at `index`, as a co-facilitator edits. */
function insertPreambleParagraph(doc: Y.Doc, index: number, text: string): string {
  const uid = newUid()
  const preamble = blockByUid(doc, 'preamble')
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.setAttribute('uid', uid)
    const yText = new Y.XmlText()
    paragraph.insert(0, [yText])
    yText.insert(0, text)
    preamble.insert(index, [paragraph])
  })
  return uid
}

describe('publishing revisions of the live draft', () => {
  let server: Server
  let che: ApiClient
  let revisions: ReturnType<typeof revisionsApi>
  const open: { destroy(): void }[] = []

  beforeAll(async () => {
    server = await startTestServer()
    che = await ApiClient.signedIn(server.url, 'che')
    revisions = revisionsApi(che)
  })
  afterEach(() => {
    for (const client of open.splice(0)) client.destroy()
  })
  afterAll(() => server.close())

  it('lists the demo’s Avant-projet to every participant', async () => {
    const listed = await revisions.list()
    expect(listed).toEqual([
      expect.objectContaining({
        negotiationId: NID,
        symbol: 'Avant-projet',
        source: 'live',
      }),
    ])
    expect(listed[0]?.contentHash).toMatch(SHA256)
    for (const username of ['fra', 'iom', 'mex']) {
      const other = revisionsApi(await ApiClient.signedIn(server.url, username))
      expect(await other.list()).toEqual(listed)
    }
    const avantProjet = await revisions.get(listed[0]!.id)
    expect(ofType(avantProjet.document, 'objective')).toHaveLength(23)
    expect(avantProjet.numbering['obj-01-commitment']).toMatchObject({ paragraph: 17 })
  })

  it('lists the revisions in the negotiation’s detail too', async () => {
    const listed = await revisions.list()
    const detail = await che.json<{ revisions: unknown[] }>('GET', API)
    expect(detail.status).toBe(200)
    expect(detail.body.revisions).toEqual(listed)
  })

  it('publishes Rev.1 as an immutable snapshot: a later edit changes neither its content nor its hash', async () => {
    const before = await revisions.list()
    const live = await revisions.liveDraft()
    const published = await revisions.publish({ symbol: 'Rev.1', title: 'Première révision' })
    expect(published.status).toBe(201)
    expect(published.body).toMatchObject({
      negotiationId: NID,
      symbol: 'Rev.1',
      title: 'Première révision',
      source: 'live',
    })
    expect(published.body.id).toMatch(/^rev-/)
    expect(published.body.contentHash).toMatch(SHA256)
    expect(Number.isNaN(Date.parse(published.body.publishedAt))).toBe(false)
    expect(await revisions.list()).toEqual([...before, published.body])

    const rev1 = await revisions.get(published.body.id)
    expect(rev1.document).toEqual(live)
    expect(createHash('sha256').update(JSON.stringify(rev1.document)).digest('hex')).toBe(
      rev1.contentHash,
    )

    const editor = await stockClient(server, 'che')
    open.push(editor)
    textOf(blockByUid(editor.doc, 'p-01')).insert(0, 'Après publication : ')
    await eventually(async () =>
      expect(textOfNode(nodeByUid(await revisions.liveDraft(), 'p-01'))).toMatch(
        /^Après publication : /,
      ),
    )

    const again = await revisions.get(published.body.id)
    expect(again).toEqual(rev1)
    expect(textOfNode(nodeByUid(again.document, 'p-01'))).not.toMatch(/^Après publication/)
    expect((await revisions.list()).find((r) => r.id === published.body.id)?.contentHash).toBe(
      published.body.contentHash,
    )
  })

  it('refuses a symbol already published (409), even with spaces around it', async () => {
    const before = await revisions.list()
    for (const symbol of ['Rev.1', '  Rev.1 ', 'Avant-projet']) {
      const response = await revisions.publish({ symbol, title: 'Encore' })
      expect(response.status).toBe(409)
      expect(response.body.error.code).toBe('symbol_taken')
    }
    expect(await revisions.list()).toEqual(before)
  })

  it('answers two simultaneous publications of one symbol with one 201 and one 409', async () => {
    const before = await revisions.list()
    const responses = await Promise.all([
      revisions.publish({ symbol: 'Rev.2', title: 'Deuxième révision' }),
      revisions.publish({ symbol: 'Rev.2', title: 'Deuxième révision' }),
    ])
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409])
    expect((await revisions.list()).length).toBe(before.length + 1)
  })

  it('lets only the co-facilitators publish (403 for a delegation and an observer)', async () => {
    const before = await revisions.list()
    for (const username of ['fra', 'iom', 'secretariat']) {
      const other = revisionsApi(await ApiClient.signedIn(server.url, username))
      const response = await other.publish({ symbol: `Rev.${username}`, title: 'Non' })
      expect(response.status, username).toBe(403)
      expect(response.body.error.code).toBe('forbidden')
    }
    expect(await revisions.list()).toEqual(before)
  })

  it('refuses an empty, blank, missing or too long symbol or title (400)', async () => {
    const before = await revisions.list()
    const bodies = [
      { symbol: '', title: 'Troisième révision' },
      { symbol: '   ', title: 'Troisième révision' },
      { symbol: 'Rev.3', title: '' },
      { symbol: 'Rev.3', title: ' \t ' },
      { title: 'Troisième révision' },
      { symbol: 'Rev.3' },
      { symbol: 3, title: 'Troisième révision' },
      { symbol: 'R'.repeat(41), title: 'Troisième révision' },
      {},
    ]
    for (const body of bodies) {
      const response = await revisions.publish(body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.error.code).toBe('bad_request')
    }
    expect(await revisions.list()).toEqual(before)
  })

  it('publishes while co-facilitators type, without disturbing them: nothing is lost', async () => {
    const typists = [
      { client: await stockClient(server, 'che'), uid: 'p-02', typed: '' },
      { client: await stockClient(server, 'mex'), uid: 'p-03', typed: '' },
    ]
    open.push(...typists.map((t) => t.client))
    const disconnections: string[] = []
    for (const { client } of typists) {
      client.provider.on('status', ({ status }: { status: string }) => {
        if (status !== 'connected') disconnections.push(status)
      })
    }
    const original = await revisions.liveDraft()
    const originalText = (uid: string) => textOfNode(nodeByUid(original, uid))

    const publications: Promise<{ status: number; body: RevisionSummary }>[] = []
    for (let keystroke = 0; keystroke < 80; keystroke += 1) {
      for (const typist of typists) {
        const text = textOf(blockByUid(typist.client.doc, typist.uid))
        const key = String.fromCharCode(97 + (keystroke % 26))
        text.insert(text.length, key)
        typist.typed += key
      }
      if (keystroke === 20 || keystroke === 50) {
        publications.push(
          revisions.publish({ symbol: `Rev.${keystroke}`, title: 'Publiée pendant la frappe' }),
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const published = await Promise.all(publications)
    expect(published.map((p) => p.status)).toEqual([201, 201])

    // Every keystroke reaches the server and the other clients; none is undone.
    const witness = await stockClient(server, 'iom')
    open.push(witness)
    for (const { client, uid, typed } of typists) {
      const expected = `${originalText(uid)}${typed}`
      expect(String(textOf(blockByUid(client.doc, uid)).toString())).toBe(expected)
      await eventually(async () => {
        expect(textOfNode(nodeByUid(await revisions.liveDraft(), uid))).toBe(expected)
        expect(String(textOf(blockByUid(witness.doc, uid)).toString())).toBe(expected)
      })
    }
    expect(disconnections).toEqual([])
    for (const { client } of typists) expect(client.provider.wsconnected).toBe(true)

    // Each revision holds what the server had committed when it was published: a prefix.
    for (const { body } of published) {
      const revision = await revisions.get(body.id)
      for (const { uid, typed } of typists) {
        const text = textOfNode(nodeByUid(revision.document, uid))
        expect(text.startsWith(originalText(uid))).toBe(true)
        expect(typed.startsWith(text.slice(originalText(uid).length))).toBe(true)
      }
    }
  })
})

describe('comparing revisions', () => {
  let server: Server
  let che: ApiClient
  let revisions: ReturnType<typeof revisionsApi>
  let avantProjet = ''
  let rev1 = ''
  let rev1Copy = ''
  const open: { destroy(): void }[] = []

  beforeAll(async () => {
    server = await startTestServer()
    che = await ApiClient.signedIn(server.url, 'che')
    revisions = revisionsApi(che)
    avantProjet = (await revisions.list()).find((r) => r.symbol === 'Avant-projet')?.id ?? ''
    const accepted = await che.json('POST', `${API}/proposals/demo-fra-07a/accept`, {})
    expect(accepted.status).toBe(200)
    const published = await revisions.publish({ symbol: 'Rev.1', title: 'Première révision' })
    expect(published.status).toBe(201)
    rev1 = published.body.id
    const copy = await revisions.publish({ symbol: 'Rev.1 bis', title: 'La même, republiée' })
    expect(copy.status).toBe(201)
    rev1Copy = copy.body.id
  })
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy()
    await server.close()
  })

  /** Compares and checks the answer against the shared schema. */
  const compare = async (query: string) => {
    const response = await revisions.compare(query)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(() => Comparison.parse(response.body)).not.toThrow()
    return response.body
  }

  const expectOnlyObjective7a = (comparison: Comparison) => {
    const changes = changesOf(comparison)
    expect(changes).toEqual([
      expect.objectContaining({
        status: 'changed',
        fromUid: 'obj-07-a',
        toUid: 'obj-07-a',
        type: 'action',
        fromNumber: 'a)',
        toNumber: 'a)',
        objective: 7,
        sectionKind: 'objectives',
      }),
    ])
    expect(diffSides(changes[0])).toEqual({ removed: [INVOLUNTARILY], added: [DIRECTLY] })
    expect(comparison.summary.byObjective).toEqual([
      { objective: 7, ...NO_CHANGES, changed: 1, wordsAdded: 3, wordsRemoved: 1 },
    ])
    expect(comparison.summary.totals).toEqual({
      ...NO_CHANGES,
      changed: 1,
      wordsAdded: 3,
      wordsRemoved: 1,
    })
  }

  it('shows exactly objective 7’s action a) changed from Avant-projet to Rev.1, word by word', async () => {
    const comparison = await compare(`from=${avantProjet}&to=${rev1}`)
    expect(comparison).toMatchObject({
      from: avantProjet,
      to: rev1,
      labels: { from: 'Avant-projet', to: 'Rev.1' },
    })
    expectOnlyObjective7a(comparison)
    // The diff rebuilds both texts: kept and removed words, kept and added words.
    const diff = comparison.paragraphs.find((p) => p.toUid === 'obj-07-a')?.diff ?? []
    const sideText = (drop: number) =>
      diff
        .filter(([op]) => op !== drop)
        .map(([, text]) => text)
        .join('')
    const textIn = async (id: string) =>
      textOfNode(nodeByUid((await revisions.get(id)).document, 'obj-07-a'))
    expect(sideText(1)).toBe(await textIn(avantProjet))
    expect(sideText(-1)).toBe(await textIn(rev1))
    // Every block of both revisions is there once, none inserted or deleted.
    const rev1Blocks = ofType((await revisions.get(rev1)).document, 'paragraph').length
    expect(comparison.paragraphs.filter((p) => p.type === 'paragraph')).toHaveLength(rev1Blocks)
  })

  it('compares with the live draft (to=live)', async () => {
    const comparison = await compare(`from=${avantProjet}&to=live`)
    expect(comparison.labels).toEqual({ from: 'Avant-projet', to: 'live' })
    expectOnlyObjective7a(comparison)
    const reverse = await compare(`from=${rev1}&to=live`)
    expect(changesOf(reverse)).toEqual([])
  })

  it('finds no change between identical revisions', async () => {
    const rev1Summary = (await revisions.list()).filter((r) => [rev1, rev1Copy].includes(r.id))
    expect(new Set(rev1Summary.map((r) => r.contentHash)).size).toBe(1)
    for (const [from, to] of [
      [rev1, rev1Copy],
      [rev1, rev1],
      [avantProjet, avantProjet],
    ]) {
      const comparison = await compare(`from=${from}&to=${to}`)
      expect(comparison.paragraphs.length).toBeGreaterThan(100)
      expect(changesOf(comparison)).toEqual([])
      expect(comparison.paragraphs.every((p) => p.fromNumber === p.toNumber)).toBe(true)
      expect(comparison.summary).toEqual({ byObjective: [], totals: NO_CHANGES })
    }
  })

  it('reports a paragraph inserted live as inserted, numbered bis, and moves no agreed number', async () => {
    const editor = await stockClient(server, 'che')
    open.push(editor)
    const added = 'Nous rappelons la résolution 71/280 de l’Assemblée générale.'
    const uid = insertPreambleParagraph(editor.doc, 2, added)
    await eventually(async () =>
      expect(textOfNode(nodeByUid(await revisions.liveDraft(), uid))).toBe(added),
    )

    const comparison = await compare(`from=${rev1}&to=live`)
    expect(changesOf(comparison)).toEqual([
      expect.objectContaining({
        status: 'inserted',
        fromUid: null,
        toUid: uid,
        type: 'paragraph',
        fromNumber: null,
        // Inserted after 1. since Rev.1: agreed numbers never move before the next revision.
        toNumber: '1 bis.',
        objective: null,
        sectionKind: 'preamble',
        diff: [[1, added]],
      }),
    ])
    const byUid = (u: string) => comparison.paragraphs.find((p) => p.toUid === u)
    expect(byUid('p-02')).toMatchObject({ status: 'unchanged', fromNumber: '2.', toNumber: '2.' })
    expect(byUid('obj-01-commitment')).toMatchObject({
      status: 'unchanged',
      fromNumber: '17.',
      toNumber: '17.',
    })
    const renumbered = comparison.paragraphs.filter(
      (p) => p.fromNumber !== null && p.fromNumber !== p.toNumber,
    )
    expect(renumbered).toEqual([])
    const { wordsAdded } = comparison.summary.totals
    expect(wordsAdded).toBeGreaterThanOrEqual(8)
    expect(comparison.summary.byObjective).toEqual([
      { objective: null, ...NO_CHANGES, inserted: 1, wordsAdded },
    ])
  })
})

describe('comparing with bad input', () => {
  let server: Server
  let che: ApiClient
  let revisions: ReturnType<typeof revisionsApi>
  let avantProjet = ''

  beforeAll(async () => {
    server = await startTestServer()
    che = await ApiClient.signedIn(server.url, 'che')
    revisions = revisionsApi(che)
    avantProjet = (await revisions.list())[0]?.id ?? ''
  })
  afterAll(() => server.close())

  const expectError = async (query: string, status: number) => {
    const response = await revisions.compare(query)
    expect(response.status, query).toBe(status)
    expect(response.body.error.code).toBe(status === 404 ? 'not_found' : 'bad_request')
  }

  it('answers 404 for a revision id that does not exist', async () => {
    await expectError(`from=rev-doesnotexist&to=${avantProjet}`, 404)
    await expectError(`from=${avantProjet}&to=rev-doesnotexist`, 404)
    const response = await che.json<ErrorBody>('GET', `${API}/revisions/rev-doesnotexist`)
    expect(response.status).toBe(404)
  })

  it('answers 400 for a malformed revision id', async () => {
    for (const id of [
      'x',
      'rev-',
      'rev-ABCDEFGH',
      'rev-abc',
      '..%2F..%2Fetc',
      'rev-abcdef%20or%201',
      'LIVE',
    ]) {
      await expectError(`from=${id}&to=${avantProjet}`, 400)
      await expectError(`from=${avantProjet}&to=${id}`, 400)
    }
    const response = await che.json<ErrorBody>('GET', `${API}/revisions/not-a-revision`)
    expect(response.status).toBe(400)
  })

  it('does not find the revision of another negotiation (404)', async () => {
    const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
    const created = await secretariat.json('POST', '/api/negotiations', {
      id: 'autre-negociation',
      title: 'Une autre négociation',
      language: 'fr',
    })
    expect(created.status).toBe(201)
    const role = await secretariat.json(
      'PUT',
      `/api/negotiations/autre-negociation/roles/${await userIdOf(secretariat, 'che')}`,
      { role: 'coFacilitator' },
    )
    expect(role.status).toBe(204)
    const elsewhere = await che.json<RevisionSummary>(
      'POST',
      '/api/negotiations/autre-negociation/revisions',
      { symbol: 'Avant-projet', title: 'Avant-projet de l’autre négociation' },
    )
    expect(elsewhere.status).toBe(201)
    const otherId = elsewhere.body.id
    expect(
      (await che.json('GET', `/api/negotiations/autre-negociation/revisions/${otherId}`)).status,
    ).toBe(200)

    await expectError(`from=${otherId}&to=live`, 404)
    await expectError(`from=${avantProjet}&to=${otherId}`, 404)
    expect((await che.json('GET', `${API}/revisions/${otherId}`)).status).toBe(404)
    expect((await che.json('GET', `${API}/revisions/${otherId}?format=docx`)).status).toBe(404)

    // And those who take no part in the other negotiation do not see it at all.
    const fra = await ApiClient.signedIn(server.url, 'fra')
    const hidden = await fra.json<ErrorBody>(
      'GET',
      `/api/negotiations/autre-negociation/compare?from=${otherId}&to=live`,
    )
    expect(hidden.status).toBe(404)
  })

  it('answers 400 when from or to is missing or repeated', async () => {
    for (const query of [
      '',
      `from=${avantProjet}`,
      'to=live',
      `from=&to=live`,
      `from=${avantProjet}&to=`,
      `from=${avantProjet}&from=${avantProjet}&to=live`,
      `from=live&to=live&to=live`,
    ]) {
      await expectError(query, 400)
    }
  })

  it('answers 400 for an unknown format, of a comparison and of a revision', async () => {
    for (const format of ['pdf', 'xml', 'docx%00']) {
      await expectError(`from=${avantProjet}&to=live&format=${format}`, 400)
    }
    await expectError(`from=${avantProjet}&to=live&format=html&format=docx`, 400)
    const response = await che.json<ErrorBody>('GET', `${API}/revisions/${avantProjet}?format=pdf`)
    expect(response.status).toBe(400)
  })
})

/** A revision as a UN text: a line per block with its number, a blank line between blocks. */
function unText(revision: RevisionDetail, edit: (uid: string, text: string) => string | null) {
  const lines: string[] = []
  for (const node of blocksOfJSON(revision.document)) {
    const uid = String(node.attrs?.uid)
    const label = revision.numbering[uid]?.label ?? ''
    let line: string | null
    switch (node.type) {
      case 'sectionTitle':
      case 'principle':
        line = textOfNode(node)
        break
      case 'objective':
        line = `${label} : ${textOfNode(node.content?.[0])}`
        break
      case 'paragraph':
      case 'commitment':
      case 'action': {
        const text = edit(uid, textOfNode(node))
        line = text === null ? null : `${label} ${text}`
        break
      }
      default:
        line = null
    }
    if (line !== null) lines.push(line, '')
  }
  return lines.join('\n')
}

describe('importing revisions', () => {
  let server: Server
  let che: ApiClient
  let revisions: ReturnType<typeof revisionsApi>
  let avantProjet: RevisionDetail

  beforeAll(async () => {
    server = await startTestServer()
    che = await ApiClient.signedIn(server.url, 'che')
    revisions = revisionsApi(che)
    avantProjet = await revisions.get((await revisions.list())[0]?.id ?? '')
  })
  afterAll(() => server.close())

  /** Imports `body` and expects it refused with `status`, the revision list unchanged. */
  const expectRefused = async (
    status: number,
    body: Uint8Array | string,
    options: { path?: string; contentType?: string; who?: ApiClient } = {},
  ) => {
    const before = await revisions.list()
    const response = await postFile(
      options.who ?? che,
      options.path ?? importPath('Rev.refusée'),
      body,
      options.contentType,
    )
    expect(response.status, JSON.stringify(response.body)).toBe(status)
    expect(typeof response.body.error.message).toBe('string')
    expect(await revisions.list()).toEqual(before)
    return response.body.error
  }

  it('imports a UN-style French text and pairs its paragraphs with Avant-projet by similarity', async () => {
    // Avant-projet as the co-facilitators would have retyped it, with three changes.
    const text = unText(avantProjet, (uid, text) => {
      if (uid === 'obj-07-a') return text.replace(INVOLUNTARILY, DIRECTLY)
      if (uid === 'p-02') return text.replace('repose sur', 'se fonde sur')
      if (uid === 'obj-03-b') return null
      return text
    })
    expect(text).toMatch(/^Objectif 7 : /m)
    expect(text).toMatch(/^17\. Nous nous engageons/m)
    expect(text).toMatch(/^a\) /m)

    const imported = await postFile(che, importPath('Rev.1', 'Première révision (importée)'), text)
    expect(imported.status, JSON.stringify(imported.body)).toBe(201)
    expect(imported.body).toMatchObject({
      symbol: 'Rev.1',
      title: 'Première révision (importée)',
      source: 'import',
    })
    expect(imported.body.contentHash).toMatch(SHA256)
    expect((await revisions.list()).map((r) => r.symbol)).toEqual(['Avant-projet', 'Rev.1'])

    const revision = await revisions.get(imported.body.id)
    const sections = revision.document.content ?? []
    expect(sections.map((s) => s.attrs?.kind)).toEqual(
      (avantProjet.document.content ?? []).map((s) => s.attrs?.kind),
    )
    expect(sections.map((s) => textOfNode(s.content?.[0]))).toEqual(
      (avantProjet.document.content ?? []).map((s) => textOfNode(s.content?.[0])),
    )
    const objectives = ofType(revision.document, 'objective')
    expect(objectives.map((o) => textOfNode(o.content?.[0]))).toEqual(
      ofType(avantProjet.document, 'objective').map((o) => textOfNode(o.content?.[0])),
    )
    const numberOf = (node: DraftJSON | undefined) =>
      revision.numbering[String(node?.attrs?.uid)]?.label
    expect(objectives.map(numberOf)).toEqual(
      Array.from({ length: 23 }, (_, i) => `Objectif ${i + 1}`),
    )
    expect(objectives.map((o) => numberOf(o.content?.[1]))).toEqual(
      Array.from({ length: 23 }, (_, i) => `${i + 17}.`),
    )
    const objective3Actions = objectives[2]?.content?.slice(2) ?? []
    expect(objective3Actions.map(numberOf)).toEqual(
      objective3Actions.map((_, i) => `${String.fromCharCode(97 + i)})`),
    )
    const paragraphs = Object.values(revision.numbering).filter((n) => n.kind === 'paragraph')
    expect(paragraphs).toHaveLength(54)
    // Numbers are derived, not kept in the text.
    expect(textOfNode(objectives[0]?.content?.[1])).toMatch(/^Nous nous engageons/)
    expect(textOfNode(objectives[6]?.content?.[2])).toContain(DIRECTLY)

    // Compared with Avant-projet: uids differ, so blocks pair by text and similarity.
    const { status, body: comparison } = await revisions.compare(
      `from=${avantProjet.id}&to=${imported.body.id}`,
    )
    expect(status).toBe(200)
    const changes = changesOf(comparison)
    expect(
      changes.map((c) => [c.status, c.fromUid, c.fromNumber, c.toNumber, c.objective]),
    ).toEqual([
      ['changed', 'p-02', '2.', '2.', null],
      ['deleted', 'obj-03-b', 'b)', null, 3],
      ['changed', 'obj-07-a', 'a)', 'a)', 7],
    ])
    expect(diffSides(changes[0])).toEqual({ removed: ['repose'], added: ['se fonde'] })
    expect(diffSides(changes[2])).toEqual({ removed: [INVOLUNTARILY], added: [DIRECTLY] })
    // The action after the deleted one is paired with itself, relettered, not changed.
    expect(comparison.paragraphs.find((p) => p.fromUid === 'obj-03-c')).toMatchObject({
      status: 'unchanged',
      fromNumber: 'c)',
      toNumber: 'b)',
    })
    expect(comparison.summary.totals).toMatchObject({ changed: 2, deleted: 1, inserted: 0 })
  })

  it('imports a .docx written with the docx package', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, text: 'Pacte mondial — Rév. 2' }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Préambule' }),
            new Paragraph({
              children: [
                new TextRun({
                  children: ['1.', new Tab(), 'Nous, chefs d’État et de gouvernement,'],
                }),
                new TextRun({ text: ' avons adopté le présent Pacte mondial.' }),
              ],
            }),
            new Paragraph({
              heading: HeadingLevel.HEADING_1,
              text: 'Objectifs pour des migrations sûres, ordonnées et régulières',
            }),
            new Paragraph({
              heading: HeadingLevel.HEADING_2,
              text: 'Objectif 1 : Collecter et utiliser des données précises et ventilées',
            }),
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              children: [
                new TextRun({
                  children: [
                    '2.',
                    new Tab(),
                    'Nous nous engageons à renforcer la base de connaissances.',
                  ],
                }),
              ],
            }),
            new Paragraph({ text: 'a)\tÉlaborer une stratégie globale ;' }),
            new Paragraph({ text: 'b)\tAméliorer la comparabilité des statistiques.' }),
          ],
        },
      ],
    })
    const bytes = new Uint8Array(await Packer.toBuffer(document))
    const imported = await postFile(
      che,
      importPath('Rev.2', 'Deuxième révision (Word)'),
      bytes,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(imported.status, JSON.stringify(imported.body)).toBe(201)
    expect(imported.body).toMatchObject({ symbol: 'Rev.2', source: 'import' })

    const revision = await revisions.get(imported.body.id)
    const sections = revision.document.content ?? []
    expect(sections.map((s) => [s.attrs?.kind, textOfNode(s.content?.[0])])).toEqual([
      ['preamble', 'Préambule'],
      ['objectives', 'Objectifs pour des migrations sûres, ordonnées et régulières'],
    ])
    expect(ofType(revision.document, 'paragraph').map(textOfNode)).toEqual([
      'Nous, chefs d’État et de gouvernement, avons adopté le présent Pacte mondial.',
    ])
    const [objective] = ofType(revision.document, 'objective')
    expect(
      objective?.content?.map((block) => [
        block.type,
        revision.numbering[String(block.attrs?.uid)]?.label ?? null,
        textOfNode(block),
      ]),
    ).toEqual([
      ['objectiveTitle', null, 'Collecter et utiliser des données précises et ventilées'],
      ['commitment', '2.', 'Nous nous engageons à renforcer la base de connaissances.'],
      ['action', 'a)', 'Élaborer une stratégie globale ;'],
      ['action', 'b)', 'Améliorer la comparabilité des statistiques.'],
    ])
  })

  it('refuses an empty body (400)', async () => {
    expect((await expectRefused(400, '')).code).toBe('empty_file')
    expect(
      (await expectRefused(400, new Uint8Array(), { contentType: 'application/octet-stream' }))
        .code,
    ).toBe('empty_file')
  })

  it('refuses a text with no recognisable structure, or lines it cannot place, listing them by line (400)', async () => {
    const prose = await expectRefused(
      400,
      'Chers collègues,\n\nveuillez trouver ci-joint le texte révisé.\nBien à vous.',
    )
    expect(prose.code).toBe('import_failed')
    expect(problemsOf(prose).map(({ line }) => line)).toEqual([0])
    expect(problemsOf(prose)[0]?.message).toMatch(/no recognisable structure/)

    const misplaced = await expectRefused(
      400,
      [
        'Préambule',
        'a) Une action hors de tout objectif',
        '1. Un paragraphe.',
        'Objectifs pour des migrations sûres, ordonnées et régulières',
        'Objectif 1 : Premier objectif',
        'a) Une action avant l’engagement',
      ].join('\n'),
    )
    expect(misplaced.code).toBe('import_failed')
    expect(problemsOf(misplaced).map(({ line }) => line)).toEqual([2, 5, 6])
    expect(problemsOf(misplaced).map(({ message }) => message)).toEqual([
      '"a) Une action hors de tout objectif" is lettered as an action but is in no objective',
      'Objective 1 has no commitment paragraph (a numbered paragraph after its heading)',
      '"a) Une action avant l’engagement" comes before the commitment paragraph of objective 1',
    ])
  })

  it('refuses a corrupt .docx and random bytes (400)', async () => {
    const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    let seed = 7
    const garbage = (length: number) =>
      Uint8Array.from({ length }, () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
        return seed >> 16
      })
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...garbage(2_000)])
    const docx = await expectRefused(400, corrupt, { contentType: docxType })
    expect(docx.code).toBe('import_failed')
    expect(problemsOf(docx).map(({ line }) => line)).toEqual([0])
    expect(problemsOf(docx)[0]?.message).toMatch(/docx/)

    const random = garbage(4_096)
    random[0] = 0xff
    await expectRefused(400, random, { contentType: 'application/octet-stream' })
    await expectRefused(400, random, { contentType: 'text/plain' })
    // A French text saved as Latin-1 rather than UTF-8.
    const latin1 = Buffer.from(
      'Préambule\n\n1. Nous, chefs d’État, avons adopté le Pacte.',
      'latin1',
    )
    expect((await expectRefused(400, latin1)).code).toBe('import_failed')
  })

  it('refuses a file over 5 MiB (413)', async () => {
    const line = '17. Nous nous engageons à renforcer la coopération internationale.\n'
    const big = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length) + 1)
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024)
    expect((await expectRefused(413, big)).code).toBe('payload_too_large')
  })

  it('refuses an import without a symbol or a title (400), a taken symbol (409), and a delegation (403)', async () => {
    const text =
      'Préambule\n\n1. Nous, chefs d’État et de gouvernement, avons adopté le présent Pacte.'
    for (const path of [
      importPath(null),
      importPath(''),
      importPath('   '),
      importPath('R'.repeat(41)),
      importPath('Rev.9', null),
      importPath('Rev.9', ''),
      `${API}/revisions/import?symbol=a&symbol=b&title=Deux`,
    ]) {
      const error = await expectRefused(400, text, { path })
      expect(error.code).toBe('bad_request')
    }
    expect((await expectRefused(409, text, { path: importPath('Avant-projet') })).code).toBe(
      'symbol_taken',
    )
    const fra = await ApiClient.signedIn(server.url, 'fra')
    expect((await expectRefused(403, text, { who: fra })).code).toBe('forbidden')
  })
})
