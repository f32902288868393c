import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { deletionKey } from '../../shared/draft/index.ts'
import type { ProposalRecord } from '../../shared/draft/index.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { blockByUid, clientsOf, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const PARA = 'p-01'
const ref = (proposalId: string, delegation = 'FRA') => ({ proposalId, delegation })

/**
 * Hand-made y-websocket clients as the FRA delegation, each attempting one change: the
 * forbidden ones are refused (nobody else sees them, storage unchanged, the sender is told and
 * converges back by reloading), the legitimate versions pass and create proposal records.
 */
describe('the server validates every update of a delegation', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let che: ApiClient
  const tokens: Record<string, string> = {}
  const clients = clientsOf(() => server.url, NID, tokens)

  beforeAll(async () => {
    server = await startTestServer()
    che = await ApiClient.signedIn(server.url, 'che')
    for (const name of ['fra', 'mar', 'che']) {
      tokens[name] = await (await ApiClient.signedIn(server.url, name)).createToken()
    }
  })
  afterEach(() => clients.closeAll())
  afterAll(() => server.close())

  const { connect } = clients
  const storedDraft = async () =>
    JSON.stringify(
      (await che.json<{ document: unknown }>('GET', `/api/negotiations/${NID}/draft`)).body
        .document,
    )
  const records = async () => {
    const witness = await connect('che')
    return witness.doc.getMap('proposals').toJSON() as Record<string, ProposalRecord>
  }

  /** Makes `change` as FRA and expects a refusal that nobody else sees. */
  const expectRefused = async (change: (doc: Y.Doc) => void) => {
    const before = await storedDraft()
    const witness = await connect('mar')
    const fra = await connect('fra')
    const witnessUpdates: Uint8Array[] = []
    witness.doc.on('update', (update: Uint8Array) => witnessUpdates.push(update))
    change(fra.doc)
    await eventually(() => expect(fra.notices.map((n) => n.code)).toContain('refused_change'))
    expect(await storedDraft()).toBe(before)
    expect(witnessUpdates).toEqual([])
    // Converging back: the client drops its copy and loads the server's.
    const fresh = await connect('fra')
    expect(JSON.stringify(fresh.doc.getXmlFragment('default').toJSON())).toBe(
      JSON.stringify(witness.doc.getXmlFragment('default').toJSON()),
    )
  }

  it('refuses plain text without a proposal mark', () =>
    expectRefused((doc) => textOf(blockByUid(doc, PARA)).insert(0, 'Plain ')))

  it('refuses deleting agreed text', () =>
    expectRefused((doc) => textOf(blockByUid(doc, PARA)).delete(0, 5)))

  it('refuses a proposal attributed to another delegation', () =>
    expectRefused((doc) =>
      textOf(blockByUid(doc, PARA)).insert(0, 'Au nom du Maroc ', {
        insertion: ref('forged1', 'MAR'),
      }),
    ))

  it('refuses formatting agreed text', () =>
    expectRefused((doc) => textOf(blockByUid(doc, PARA)).format(0, 5, { italic: {} })))

  it('refuses changing a block’s uid', () =>
    expectRefused((doc) => blockByUid(doc, PARA).setAttribute('uid', 'hijacked')))

  it('refuses writing a proposal record', () =>
    expectRefused((doc) => doc.getMap('proposals').set('x', { status: 'accepted' })))

  it('accepts a delegation’s own insertion and deletion, and records them', async () => {
    const fra = await connect('fra')
    const witness = await connect('mar')
    const text = textOf(blockByUid(fra.doc, PARA))
    text.insert(0, 'Conscients de nos responsabilités, ', { insertion: ref('fra-ins-1') })
    const deletion = ref('fra-del-1')
    text.format(40, 8, { [deletionKey(deletion)]: deletion })
    await eventually(() =>
      expect(textOf(blockByUid(witness.doc, PARA)).toString()).toContain(
        'Conscients de nos responsabilités',
      ),
    )
    await eventually(async () => {
      const all = await records()
      expect(all['fra-ins-1']).toMatchObject({
        status: 'open',
        delegation: 'FRA',
        authorName: 'Délégation de la France',
      })
      expect(all['fra-del-1']).toMatchObject({ status: 'open', delegation: 'FRA' })
    })
    expect(fra.notices).toEqual([])
  })

  it('lets a delegation change its own open proposal but not another’s', async () => {
    const mar = await connect('mar')
    const text = textOf(blockByUid(mar.doc, 'p-02'))
    text.insert(0, 'Proposition marocaine. ', { insertion: ref('mar-ins-1', 'MAR') })
    await eventually(async () => expect((await records())['mar-ins-1']).toBeDefined())

    await expectRefused((doc) => textOf(blockByUid(doc, 'p-02')).delete(0, 5))
    await expectRefused((doc) => textOf(blockByUid(doc, 'p-02')).format(0, 5, { insertion: null }))

    // MAR itself may shorten its proposal.
    textOf(blockByUid(mar.doc, 'p-02')).delete(0, 12)
    await eventually(async () => expect(await storedDraft()).toContain('ocaine. '))
    expect(mar.notices).toEqual([])
  })

  it('accepts a new paragraph proposed whole, and refuses one that is not marked', async () => {
    const newParagraph = (insertedBy: unknown, marked: boolean) => (doc: Y.Doc) => {
      const section = doc.getXmlFragment('default').get(0) as Y.XmlElement
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.setAttribute('uid', `new-${marked}-${Math.random().toString(36).slice(2, 8)}`)
      if (insertedBy)
        // y-prosemirror stores object attributes; Yjs's typings only know strings.
        paragraph.setAttribute('insertedBy', insertedBy as string)
      const text = new Y.XmlText()
      text.insert(0, 'Un nouveau paragraphe.', marked ? { insertion: ref('fra-par-1') } : {})
      paragraph.insert(0, [text])
      section.insert(2, [paragraph])
    }
    await expectRefused(newParagraph(null, false))
    await expectRefused(newParagraph(ref('fra-par-1'), false))
    const fra = await connect('fra')
    newParagraph(ref('fra-par-1'), true)(fra.doc)
    await eventually(async () => expect(await storedDraft()).toContain('Un nouveau paragraphe.'))
    expect(fra.notices).toEqual([])
  })
})
