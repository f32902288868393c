import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import {
  AD_REF_ATTR,
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  PROPOSALS_MAP,
  deletionKey,
} from '../../shared/draft/index.ts'
import type { ActivityPage } from '../../shared/activity.ts'
import type { DraftResponse } from '../../shared/api.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { collabSuite } from '../helpers/collabSuite.ts'
import { expectStoredAsLive } from '../helpers/storedAsLive.ts'
import { blockByUid, deleteBlock, deltaOf, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ROOM = draftRoomName(NID)
const ref = (proposalId: string, delegation = 'FRA') => ({ proposalId, delegation })
/** Sets a block attribute to any value, as a hand-made client may (Yjs types them as strings). */
const setAttribute = (block: Y.XmlElement, key: string, value: unknown) =>
  block.setAttribute(key, value as string)
const statusUrl = (uid: string) => `/api/negotiations/${NID}/blocks/${uid}/status`

/**
 * Paragraphs agreed ad referendum (issue 16) through the real server: the co-facilitators'
 * command, and every way a hostile client could try to change an ad ref paragraph anyway.
 */
describe('paragraphs agreed ad referendum', () => {
  const suite = collabSuite(NID, ['fra', 'che'] as const, {
    server: { writerLimits: { connections: 500, refusals: 500 } },
    afterEachTest: (server) => expectStoredAsLive(server.context, ROOM),
  })
  const { api, clients } = suite
  const { connect } = clients

  const liveDoc = async () => (await suite.server.context.rooms.peek(ROOM))!.doc
  // yjs types XmlText#toString as any.
  const textNow = async (uid: string) => String(textOf(blockByUid(await liveDoc(), uid)).toString())
  const isAdRefNow = async (uid: string) =>
    (blockByUid(await liveDoc(), uid).getAttributes() as Record<string, unknown>)[AD_REF_ATTR]

  it('is set and cleared by the co-facilitators only, audited and in the activity', async () => {
    const iom = await ApiClient.signedIn(suite.server.url, 'iom')
    for (const client of [api.fra, iom]) {
      const refused = await client.json('POST', statusUrl('p-10'), { status: 'adRef' })
      expect(refused.status).toBe(403)
    }
    const bad = await api.che.json('POST', statusUrl('p-10'), { status: 'agreed', extra: 1 })
    expect(bad.status).toBe(400)
    expect((await api.che.json('POST', statusUrl('nope-404'), { status: 'adRef' })).status).toBe(
      404,
    )
    const title = await api.che.json('POST', statusUrl('obj-03-title'), { status: 'adRef' })
    expect(title.status).toBe(409)

    const marked = await api.che.json('POST', statusUrl('p-10'), { status: 'adRef' })
    expect(marked).toMatchObject({
      status: 200,
      body: { uid: 'p-10', status: 'adRef', label: '10' },
    })
    expect(await isAdRefNow('p-10')).toBe(true)
    const draft = await api.che.json<DraftResponse>('GET', `/api/negotiations/${NID}/draft`)
    const json = JSON.stringify(draft.body.document)
    expect(json).toContain('"uid":"p-10","adRef":true')

    // A paragraph with open proposals is decided first: an agreed paragraph has one text.
    const withProposal = await api.che.json('POST', statusUrl('obj-07-a'), { status: 'adRef' })
    expect(withProposal).toMatchObject({ status: 409, body: { error: { code: 'open_proposals' } } })

    const reopened = await api.che.json('POST', statusUrl('p-10'), { status: 'open' })
    expect(reopened).toMatchObject({ status: 200, body: { status: 'open' } })
    expect(await isAdRefNow('p-10')).toBeUndefined()

    const activity = await api.fra.json<ActivityPage>('GET', `/api/negotiations/${NID}/activity`)
    const [latest, before] = activity.body.items
    expect(latest).toMatchObject({
      action: 'paragraph.reopened',
      blockUid: 'p-10',
      blockLabel: '10',
    })
    expect(before).toMatchObject({ action: 'paragraph.adRef', blockUid: 'p-10' })
    const audit = await api.che.json<{ events: { action: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/audit`,
    )
    expect(JSON.stringify(audit.body)).toContain('paragraph.adRef')
  })

  it('refuses every change to an ad ref paragraph, from a delegation and from a co-facilitator', async () => {
    expect((await api.che.json('POST', statusUrl('p-11'), { status: 'adRef' })).status).toBe(200)
    expect((await api.che.json('POST', statusUrl('obj-03-b'), { status: 'adRef' })).status).toBe(
      200,
    )
    const agreedP11 = await textNow('p-11')
    const agreedAction = await textNow('obj-03-b')

    const attempts: [string, string, (doc: Y.Doc) => void][] = [
      [
        'fra',
        'a proposed insertion',
        (doc) =>
          textOf(blockByUid(doc, 'p-11')).insert(0, 'Ajout. ', { insertion: ref('fra-adref-1') }),
      ],
      [
        'fra',
        'a proposed deletion',
        (doc) => {
          const deletion = ref('fra-adref-2')
          textOf(blockByUid(doc, 'p-11')).format(0, 4, { [deletionKey(deletion)]: deletion })
        },
      ],
      [
        'fra',
        'a proposed deletion of the block',
        (doc) => setAttribute(blockByUid(doc, 'p-11'), DELETED_BY_ATTR, ref('fra-adref-3')),
      ],
      ['fra', 'the status cleared', (doc) => blockByUid(doc, 'p-11').removeAttribute(AD_REF_ATTR)],
      [
        'fra',
        'the status set to false',
        (doc) => setAttribute(blockByUid(doc, 'p-11'), AD_REF_ATTR, false),
      ],
      [
        'fra',
        'the status as a string',
        (doc) => setAttribute(blockByUid(doc, 'p-11'), AD_REF_ATTR, 'true'),
      ],
      [
        'fra',
        'a proposed deletion of the objective holding an ad ref action',
        (doc) => setAttribute(blockByUid(doc, 'obj-03'), DELETED_BY_ATTR, ref('fra-adref-4')),
      ],
      [
        'che',
        'plain text typed by a co-facilitator',
        (doc) => textOf(blockByUid(doc, 'p-11')).insert(0, 'Texte. '),
      ],
      [
        'che',
        'italics by a co-facilitator',
        (doc) => textOf(blockByUid(doc, 'p-11')).format(0, 4, { italic: {} }),
      ],
      [
        'che',
        'the status cleared by a co-facilitator in the text',
        (doc) => blockByUid(doc, 'p-11').removeAttribute(AD_REF_ATTR),
      ],
      ['che', 'the block deleted', (doc) => deleteBlock(doc, 'p-11')],
      ['che', 'the objective holding it deleted', (doc) => deleteBlock(doc, 'obj-03')],
      [
        'che',
        'the block deleted and re-created with its uid, without its status',
        (doc) =>
          doc.transact(() => {
            const block = blockByUid(doc, 'p-11')
            const parent = block.parent as Y.XmlElement
            const at = parent.toArray().indexOf(block)
            parent.delete(at, 1)
            const copy = new Y.XmlElement('paragraph')
            setAttribute(copy, 'uid', 'p-11')
            copy.insert(0, [new Y.XmlText('Un autre texte, « agréé ».')])
            parent.insert(at, [copy])
          }),
      ],
      [
        'che',
        'text moved in from another paragraph',
        (doc) =>
          doc.transact(() => {
            const source = textOf(blockByUid(doc, 'p-12'))
            const moved = String(source.toString()).slice(0, 12)
            source.delete(0, 12)
            textOf(blockByUid(doc, 'p-11')).insert(0, moved)
          }),
      ],
      [
        'fra',
        'a new proposed block carrying the status',
        (doc) => {
          const block = blockByUid(doc, 'p-12')
          const parent = block.parent as Y.XmlElement
          const paragraph = new Y.XmlElement('paragraph')
          setAttribute(paragraph, 'uid', 'fra-adref-new')
          setAttribute(paragraph, INSERTED_BY_ATTR, ref('fra-adref-5'))
          setAttribute(paragraph, AD_REF_ATTR, true)
          const text = new Y.XmlText()
          paragraph.insert(0, [text])
          doc.transact(() => {
            parent.insert(parent.toArray().indexOf(block) + 1, [paragraph])
            text.insert(0, 'Déjà agréé ?', { insertion: ref('fra-adref-5') })
          })
        },
      ],
      [
        'fra',
        'the action’s text',
        (doc) =>
          textOf(blockByUid(doc, 'obj-03-b')).insert(3, 'x', { insertion: ref('fra-adref-6') }),
      ],
    ]
    for (const [name, what, attempt] of attempts) {
      const client = await connect(name)
      attempt(client.doc)
      await eventually(() =>
        expect(
          client.notices.map((n) => n.code),
          what,
        ).toContain('refused_change'),
      )
    }
    expect(await textNow('p-11')).toBe(agreedP11)
    expect(await textNow('obj-03-b')).toBe(agreedAction)
    expect(await isAdRefNow('p-11')).toBe(true)
    expect(await isAdRefNow('obj-03-b')).toBe(true)
    expect(deltaOf(textOf(blockByUid(await liveDoc(), 'p-11')))).toHaveLength(1)
    const records = (await liveDoc()).getMap(PROPOSALS_MAP)
    for (let i = 1; i <= 6; i++) expect(records.has(`fra-adref-${i}`)).toBe(false)
  })

  it('takes a proposed paragraph after it, numbered bis, and takes proposals again once reopened', async () => {
    expect((await api.che.json('POST', statusUrl('p-13'), { status: 'adRef' })).status).toBe(200)
    const fra = await connect('fra')
    const block = blockByUid(fra.doc, 'p-13')
    const parent = block.parent as Y.XmlElement
    const paragraph = new Y.XmlElement('paragraph')
    setAttribute(paragraph, 'uid', 'fra-after-13')
    setAttribute(paragraph, INSERTED_BY_ATTR, ref('fra-after-13'))
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    fra.doc.transact(() => {
      parent.insert(parent.toArray().indexOf(block) + 1, [paragraph])
      text.insert(0, 'Un paragraphe nouveau.', { insertion: ref('fra-after-13') })
    })
    await eventually(async () =>
      expect((await liveDoc()).getMap(PROPOSALS_MAP).has('fra-after-13')).toBe(true),
    )
    const draft = await api.fra.json<DraftResponse>('GET', `/api/negotiations/${NID}/draft`)
    expect(draft.body.numbering['fra-after-13']).toMatchObject({ label: '13 bis.', added: 1 })
    expect(draft.body.numbering['p-14']).toMatchObject({ label: '14.' })

    expect((await api.che.json('POST', statusUrl('p-13'), { status: 'open' })).status).toBe(200)
    await eventually(() =>
      expect(blockByUid(fra.doc, 'p-13').getAttribute(AD_REF_ATTR)).toBeUndefined(),
    )
    textOf(blockByUid(fra.doc, 'p-13')).insert(0, 'Ainsi, ', { insertion: ref('fra-reopened') })
    await eventually(async () =>
      expect((await liveDoc()).getMap(PROPOSALS_MAP).has('fra-reopened')).toBe(true),
    )
    expect(fra.notices).toEqual([])
  })
})
