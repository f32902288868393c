import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ActivityPage } from '../../shared/activity.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { deletionKey, savedBlock, textRuns, type ProposalRecord } from '../../shared/draft/index.ts'
import type { PresentedProposal } from '../../shared/proposals.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { expectStoredAsLive } from '../helpers/storedAsLive.ts'
import { blockByUid, clientsOf, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ref = (proposalId: string, delegation: string) => ({ proposalId, delegation })

type Answer = ProposalRecord & { error?: { code: string; message: string } }

/**
 * Decisions that can be taken back (issue 14): a co-facilitator reverts a single accept or
 * reject through the HTTP API, and the live draft (seen by a stock y-websocket client) and the
 * stored draft read exactly as before the decision, marks included; refused once something
 * was built on it, and to anyone but the co-facilitators.
 */
describe('reverting a decision', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  const api = {} as Record<'fra' | 'mar' | 'che' | 'mex' | 'iom', ApiClient>
  const tokens: Record<string, string> = {}
  const clients = clientsOf(() => server.url, NID, tokens)

  beforeAll(async () => {
    server = await startTestServer()
    for (const name of ['fra', 'mar', 'che', 'mex', 'iom'] as const) {
      api[name] = await ApiClient.signedIn(server.url, name)
      tokens[name] = await api[name].createToken()
    }
  })
  afterEach(() => clients.closeAll())
  afterAll(() => server.close())

  const act = (who: keyof typeof api, id: string, action: string, body: unknown = {}) =>
    api[who].json<Answer>('POST', `/api/negotiations/${NID}/proposals/${id}/${action}`, body)
  const runsOf = (doc: Y.Doc, uid: string) => textRuns(textOf(blockByUid(doc, uid)))
  /** The draft as storage holds it, read apart from the live room. */
  const storedDoc = async () => {
    const stored = await server.context.store.load(draftRoomName(NID))
    const doc = new Y.Doc()
    for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      Y.applyUpdate(doc, part)
    }
    return doc
  }
  const auditActions = async (proposalId: string) =>
    (
      await api.che.json<{ events: { action: string; details: { proposalId?: string } }[] }>(
        'GET',
        `/api/negotiations/${NID}/audit`,
      )
    ).body.events
      .filter((e) => e.details.proposalId === proposalId)
      .map((e) => e.action)

  /** A proposal made by `who` through a stock client; returns the client and the text before. */
  async function propose(
    who: 'fra' | 'mar',
    uid: string,
    id: string,
    make: (t: Y.XmlText) => void,
  ) {
    const client = await clients.connect(who)
    make(textOf(blockByUid(client.doc, uid)))
    const before = runsOf(client.doc, uid)
    await eventually(async () => {
      const record = (await act('che', id, 'comment', { text: 'Vu.' })).body
      expect(record.status).toBe('open')
    })
    return { client, before }
  }

  it('reopens an accepted replacement: the text and marks come back, live and stored', async () => {
    const id = 'fra-rev-1'
    const deletion = ref(id, 'FRA')
    const { client, before } = await propose('fra', 'obj-05-a', id, (text) => {
      text.format(0, 6, { [deletionKey(deletion)]: deletion })
      text.insert(0, 'Toujours ', { insertion: ref(id, 'FRA') })
    })
    const accepted = await act('che', id, 'accept', { text: 'D’accord.' })
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      settledChange: { inserted: 'Toujours ' },
    })
    await eventually(() => expect(runsOf(client.doc, 'obj-05-a')).not.toEqual(before))

    const reverted = await act('mex', id, 'revert')
    expect(reverted.status).toBe(200)
    expect(reverted.body).toMatchObject({
      id,
      status: 'open',
      delegation: 'FRA',
      decidedAt: null,
      decidedBy: null,
      decisionNote: null,
    })
    expect(reverted.body.settledChange).toBeUndefined()
    expect(reverted.body.comments.map((c) => c.text)).toEqual(['Vu.'])
    await eventually(() => expect(runsOf(client.doc, 'obj-05-a')).toEqual(before))
    expect(runsOf(await storedDoc(), 'obj-05-a')).toEqual(before)
    await expectStoredAsLive(server.context, draftRoomName(NID))

    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['proposal.accept', 'proposal.revert']),
    )
    const feed = await api.fra.json<ActivityPage>(
      'GET',
      `/api/negotiations/${NID}/activity?delegation=FRA`,
    )
    expect(feed.body.items.find((i) => i.action === 'proposal.revert')).toMatchObject({
      delegation: 'FRA',
      proposalIds: [id],
    })
    // Open again: it may be decided anew, and reverting an open proposal is a conflict.
    const twice = await act('che', id, 'revert')
    expect(twice.status).toBe(409)
    expect(twice.body.error?.code).toBe('not_decided')
    expect((await act('che', id, 'reject')).status).toBe(200)
    expect((await act('che', id, 'revert')).status).toBe(200)
    await eventually(() => expect(runsOf(client.doc, 'obj-05-a')).toEqual(before))
  })

  it('reopens a rejected insertion and an accepted deletion, with their marks', async () => {
    const inserted = 'mar-rev-ins'
    const deleted = 'mar-rev-del'
    const deletion = ref(deleted, 'MAR')
    const one = await propose('mar', 'obj-06-a', inserted, (text) => {
      text.insert(3, 'sans réserve ', { insertion: ref(inserted, 'MAR') })
    })
    const other = await propose('mar', 'obj-06-b', deleted, (text) => {
      text.format(20, 8, { [deletionKey(deletion)]: deletion })
    })
    expect((await act('che', inserted, 'reject')).status).toBe(200)
    expect((await act('che', deleted, 'accept')).status).toBe(200)
    await eventually(() => {
      expect(runsOf(one.client.doc, 'obj-06-a')).not.toEqual(one.before)
      expect(runsOf(other.client.doc, 'obj-06-b')).not.toEqual(other.before)
    })
    expect((await act('che', deleted, 'revert')).status).toBe(200)
    expect((await act('mex', inserted, 'revert')).status).toBe(200)
    await eventually(() => {
      expect(runsOf(one.client.doc, 'obj-06-a')).toEqual(one.before)
      expect(runsOf(other.client.doc, 'obj-06-b')).toEqual(other.before)
    })
    const stored = await storedDoc()
    expect(runsOf(stored, 'obj-06-a')).toEqual(one.before)
    expect(runsOf(stored, 'obj-06-b')).toEqual(other.before)
    await expectStoredAsLive(server.context, draftRoomName(NID))
  })

  it('puts back a rejected new paragraph and a deleted one, whole and marked', async () => {
    const added = 'fra-rev-par'
    const removed = 'fra-rev-drop'
    const fra = await clients.connect('fra')
    const section = () => fra.doc.getXmlFragment('default').get(0) as Y.XmlElement
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.setAttribute('uid', 'rev-new-par')
    // y-prosemirror stores object attributes; Yjs's typings only know strings.
    paragraph.setAttribute('insertedBy', ref(added, 'FRA') as unknown as string)
    const text = new Y.XmlText()
    text.insert(0, 'Un paragraphe nouveau.', { insertion: ref(added, 'FRA') })
    paragraph.insert(0, [text])
    section().insert(3, [paragraph])
    const dropped = section().get(5) as Y.XmlElement
    dropped.setAttribute('deletedBy', ref(removed, 'FRA') as unknown as string)
    const before = savedBlock(section())
    await eventually(async () => {
      expect((await act('che', added, 'comment', { text: 'Vu.' })).body.status).toBe('open')
      expect((await act('che', removed, 'comment', { text: 'Vu.' })).body.status).toBe('open')
    })

    expect((await act('che', added, 'reject')).status).toBe(200)
    expect((await act('che', removed, 'accept')).status).toBe(200)
    await eventually(() => expect(section().length).toBe(before!.children.length - 2))
    // The later decision first: the earlier one was taken in the same section.
    expect((await act('che', added, 'revert')).body.error?.code).toBe('decision_built_on')
    expect((await act('che', removed, 'revert')).status).toBe(200)
    // Put back whole, still proposed for deletion; the rejected new paragraph stays out.
    const withoutAdded = {
      ...before!,
      children: before!.children.filter(
        (child) => !('attributes' in child) || child.attributes.uid !== 'rev-new-par',
      ),
    }
    await eventually(() => expect(savedBlock(section())).toEqual(withoutAdded))
    expect(
      savedBlock((await storedDoc()).getXmlFragment('default').get(0) as Y.XmlElement),
    ).toEqual(withoutAdded)
    expect((await act('che', added, 'revert')).body.error?.code).toBe('decision_built_on')

    // Alone in its section, a rejected new paragraph comes back.
    const alone = 'fra-rev-alone'
    const other = fra.doc.getXmlFragment('default').get(1) as Y.XmlElement
    const fresh = new Y.XmlElement('paragraph')
    fresh.setAttribute('uid', 'rev-alone-par')
    fresh.setAttribute('insertedBy', ref(alone, 'FRA') as unknown as string)
    const freshText = new Y.XmlText()
    freshText.insert(0, 'Seul.', { insertion: ref(alone, 'FRA') })
    fresh.insert(0, [freshText])
    other.insert(1, [fresh])
    const otherBefore = savedBlock(other)
    await eventually(async () =>
      expect((await act('che', alone, 'comment', { text: 'Vu.' })).body.status).toBe('open'),
    )
    expect((await act('che', alone, 'reject')).status).toBe(200)
    await eventually(() => expect(savedBlock(other)).not.toEqual(otherBefore))
    expect((await act('mex', alone, 'revert')).status).toBe(200)
    await eventually(() => expect(savedBlock(other)).toEqual(otherBefore))
    const stored = (await storedDoc()).getXmlFragment('default').get(1) as Y.XmlElement
    expect(savedBlock(stored)).toEqual(otherBefore)
    await expectStoredAsLive(server.context, draftRoomName(NID))
  })

  it('refuses (409) once the text was built on, and a later decision in it counts', async () => {
    const id = 'fra-rev-built'
    const later = 'mar-rev-later'
    const { client } = await propose('fra', 'obj-07-b', id, (text) => {
      text.insert(0, 'Dès que possible, ', { insertion: ref(id, 'FRA') })
    })
    expect((await act('che', id, 'accept')).status).toBe(200)
    const listed = await api.che.json<{ proposals: PresentedProposal[] }>(
      'GET',
      `/api/negotiations/${NID}/proposals?delegation=FRA`,
    )
    expect(listed.body.proposals.find((p) => p.id === id)?.reversalObstacle).toBeNull()
    const mar = await clients.connect('mar')
    await eventually(() =>
      expect(textOf(blockByUid(mar.doc, 'obj-07-b')).toString()).toContain('Dès'),
    )
    textOf(blockByUid(mar.doc, 'obj-07-b')).insert(30, 'vraiment ', {
      insertion: ref(later, 'MAR'),
    })
    // The API says so with the record, as the card does.
    await eventually(async () => {
      const { body } = await api.che.json<{ proposals: PresentedProposal[] }>(
        'GET',
        `/api/negotiations/${NID}/proposals?delegation=FRA`,
      )
      expect(body.proposals.find((p) => p.id === id)?.reversalObstacle).toBe('built_on')
    })
    await eventually(async () => {
      const refused = await act('che', id, 'revert')
      expect(refused.status).toBe(409)
      expect(refused.body.error?.code).toBe('decision_built_on')
    })
    // The later proposal, decided, is the one that may still be taken back; the first stays
    // built on although the text reads as it left it (the later one was made there since).
    expect((await act('che', later, 'reject')).status).toBe(200)
    expect((await act('che', id, 'revert')).body.error?.code).toBe('decision_built_on')
    expect((await act('che', later, 'revert')).status).toBe(200)
    await eventually(() =>
      expect(textOf(blockByUid(client.doc, 'obj-07-b')).toString()).toContain('vraiment'),
    )
    expect(await auditActions(id)).not.toContain('proposal.revert')
  })

  it('refuses the delegations and observers (403), unknown proposals (404), bulk decisions (409)', async () => {
    const id = 'fra-rev-perm'
    await propose('fra', 'obj-09-b', id, (text) => {
      text.insert(0, 'Ainsi, ', { insertion: ref(id, 'FRA') })
    })
    expect((await act('che', id, 'accept')).status).toBe(200)
    for (const who of ['fra', 'mar', 'iom'] as const) {
      expect((await act(who, id, 'revert')).status).toBe(403)
    }
    const unknown = await act('che', 'nobody-proposed', 'revert')
    expect(unknown.status).toBe(404)
    expect((await act('che', id, 'revert')).status).toBe(200)

    const bulk = 'fra-rev-bulk'
    await propose('fra', 'obj-09-c', bulk, (text) => {
      text.insert(0, 'Enfin, ', { insertion: ref(bulk, 'FRA') })
    })
    expect(
      (
        await api.che.json('POST', `/api/negotiations/${NID}/proposals/decide`, {
          decision: 'accept',
          delegation: 'FRA',
        })
      ).status,
    ).toBe(200)
    const refused = await act('che', bulk, 'revert')
    expect(refused.status).toBe(409)
    expect(refused.body.error?.code).toBe('decision_not_revertible')
  })
})
