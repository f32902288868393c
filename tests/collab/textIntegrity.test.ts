import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { syncUpdateMessage } from '../../server/collab/messages.ts'
import type { ClientClaim, DocumentStore } from '../../server/storage/DocumentStore.ts'
import { CloseReason, draftRoomName } from '../../shared/collabProtocol.ts'
import { MAX_MESSAGES_PER_MINUTE } from '../../shared/limits.ts'
import {
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  PROPOSALS_MAP,
  deletionKey,
  type ProposalRecord,
  type ProposalRef,
} from '../../shared/draft/index.ts'
import {
  awarenessMessage,
  awarenessUpdate,
  cyclicUpdate,
  deleteItems,
  insertFormatMarker,
} from '../faults/craftedUpdates.ts'
import { createTestStorage, removeTestStorage } from '../helpers/servers/index.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { RawSocket } from '../helpers/rawSocket.ts'
import { expectStoredAsLive } from '../helpers/storedAsLive.ts'
import {
  blockByUid,
  clientsOf,
  deleteBlock,
  deltaOf,
  eventually,
  textOf,
  tryUpgrade,
} from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ROOM = draftRoomName(NID)
const ref = (proposalId: string, delegation = 'FRA') => ({ proposalId, delegation })
/** Sets a block attribute to any value, as a hand-made client may (Yjs types them as strings). */
const setAttribute = (block: Y.XmlElement, key: string, value: unknown) =>
  block.setAttribute(key, value as string)

/** A delegation's new paragraph after p-08, its words and the block marked as its proposal. */
function proposeParagraph(doc: Y.Doc, proposal: ProposalRef, uid: string, text: string): void {
  doc.transact(() => {
    const anchor = blockByUid(doc, 'p-08')
    const parent = anchor.parent as Y.XmlElement
    const block = new Y.XmlElement('paragraph')
    block.setAttribute('uid', uid)
    setAttribute(block, INSERTED_BY_ATTR, proposal)
    const words = new Y.XmlText()
    block.insert(0, [words])
    parent.insert(parent.toArray().indexOf(anchor) + 1, [block])
    words.insert(0, text, { insertion: proposal })
  })
}

/** What the store was asked to append, call by call (to see what commits together). */
class RecordingStore {
  readonly appends: Uint8Array[][] = []
  wrap = (inner: DocumentStore): DocumentStore => ({
    load: (name) => inner.load(name),
    append: (name: string, updates: readonly Uint8Array[], claims?: readonly ClientClaim[]) => {
      this.appends.push([...updates])
      return inner.append(name, updates, claims)
    },
    compact: (name, state) => inner.compact(name, state),
    create: (name, state) => inner.create(name, state),
    exists: (name) => inner.exists(name),
  })
}

/**
 * Issue 11, case by case, through the real server with hand-made clients: each attack a
 * delegation's engineer could send with a y-websocket client and the Yjs API (or below it), and
 * how it is refused. After each case, what the server judged is what it stored.
 */
describe('text integrity against a hostile client', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let che: ApiClient
  const recording = new RecordingStore()
  const tokens: Record<string, string> = {}
  const clients = clientsOf(() => server.url, NID, tokens)
  const { connect } = clients

  beforeAll(async () => {
    server = await startTestServer({
      decorateStore: recording.wrap,
      // Several cases reconnect as the same delegation within the minute.
      writerLimits: { connections: 500, refusals: 500 },
    })
    che = await ApiClient.signedIn(server.url, 'che')
    for (const name of ['fra', 'mar', 'egy', 'che']) {
      tokens[name] = await (await ApiClient.signedIn(server.url, name)).createToken()
    }
  })
  afterEach(async () => {
    await expectStoredAsLive(server.context, ROOM)
    clients.closeAll()
  })
  afterAll(() => server.close())

  const collabUrl = () => `${server.url.replace(/^http/, 'ws')}/collab`
  const liveDoc = async () => (await server.context.rooms.peek(ROOM))!.doc
  const recordOf = async (id: string) =>
    (await liveDoc()).getMap(PROPOSALS_MAP).get(id) as ProposalRecord | undefined
  const refusedCodes = (client: { notices: { code: string }[] }) =>
    client.notices.map((notice) => notice.code)

  /** The agreed text of a block on the server: its characters without an insertion mark. */
  const serverAgreedText = async (uid: string) =>
    deltaOf(textOf(blockByUid(await liveDoc(), uid)))
      .filter((op) => !op.attributes?.insertion)
      .map((op) => op.insert)
      .join('')
  const serverInsertedText = async (uid: string) =>
    deltaOf(textOf(blockByUid(await liveDoc(), uid)))
      .filter((op) => op.attributes?.insertion)
      .map((op) => op.insert)
      .join('')

  it('1. a redundant format marker cannot turn agreed text into a delegation’s insertion', async () => {
    const fra = await connect('fra')
    const text = textOf(blockByUid(fra.doc, 'p-03'))
    const agreed = await serverAgreedText('p-03')
    text.insert(0, 'ab', { insertion: ref('fra-marker-1') })
    await eventually(async () => expect(await recordOf('fra-marker-1')).toBeDefined())
    // A marker that changes nothing visible: the same insertion, as another object, between a
    // and b. Then FRA deletes everything of its own but that marker.
    const marker = Y.createID(fra.doc.clientID, Y.getState(fra.doc.store, fra.doc.clientID))
    insertFormatMarker(text, 1, 'insertion', ref('fra-marker-1'))
    await eventually(async () =>
      expect(Y.getState((await liveDoc()).store, fra.doc.clientID)).toBe(marker.clock + 1),
    )
    expect(await serverAgreedText('p-03')).toBe(agreed)
    deleteItems(
      text,
      (item) => item.id.client === fra.doc.clientID && !Y.compareIDs(item.id, marker),
    )
    await eventually(() => expect(refusedCodes(fra)).toContain('refused_change'))
    expect(await serverAgreedText('p-03')).toBe(agreed)
    expect(await serverInsertedText('p-03')).toBe('ab')

    // Rejecting the proposal removes its two letters, never the agreed paragraph.
    const rejected = await che.json(
      'POST',
      `/api/negotiations/${NID}/proposals/fra-marker-1/reject`,
    )
    expect(rejected.status).toBe(200)
    await eventually(async () => expect(await serverInsertedText('p-03')).toBe(''))
    expect(await serverAgreedText('p-03')).toBe(agreed)
  })

  it('2. a delegation cannot take over another delegation’s proposals', async () => {
    const egy = await connect('egy')
    const mar = await connect('mar')
    const egyDeletion = ref('egy-del-block', 'EGY')
    setAttribute(blockByUid(egy.doc, 'p-05'), DELETED_BY_ATTR, egyDeletion)
    const egyWords = ref('egy-del-words', 'EGY')
    textOf(blockByUid(egy.doc, 'p-06')).format(0, 6, { [deletionKey(egyWords)]: egyWords })
    textOf(blockByUid(mar.doc, 'p-07')).insert(0, 'Texte marocain. ', {
      insertion: ref('mar-ins-take', 'MAR'),
    })
    await eventually(async () => {
      for (const id of ['egy-del-block', 'egy-del-words', 'mar-ins-take']) {
        expect(await recordOf(id)).toMatchObject({ status: 'open' })
      }
    })

    const attempts: ((doc: Y.Doc) => void)[] = [
      (doc) => setAttribute(blockByUid(doc, 'p-05'), DELETED_BY_ATTR, ref('fra-take-1')),
      (doc) => blockByUid(doc, 'p-05').removeAttribute(DELETED_BY_ATTR),
      // EGY's key with FRA's ref: the key no longer matches its value.
      (doc) =>
        textOf(blockByUid(doc, 'p-06')).format(0, 6, {
          [deletionKey(egyWords)]: ref('fra-take-2'),
        }),
      (doc) => textOf(blockByUid(doc, 'p-06')).format(0, 6, { [deletionKey(egyWords)]: null }),
      (doc) => textOf(blockByUid(doc, 'p-07')).format(0, 5, { insertion: ref('fra-take-3') }),
    ]
    for (const attempt of attempts) {
      const fra = await connect('fra')
      attempt(fra.doc)
      await eventually(() => expect(refusedCodes(fra)).toContain('refused_change'))
    }
    const live = await liveDoc()
    expect(blockByUid(live, 'p-05').getAttribute(DELETED_BY_ATTR)).toEqual(egyDeletion)
    expect(deltaOf(textOf(blockByUid(live, 'p-06')))[0]!.attributes).toEqual({
      [deletionKey(egyWords)]: egyWords,
    })
    expect(await serverInsertedText('p-07')).toBe('Texte marocain. ')
    for (const id of ['fra-take-1', 'fra-take-2', 'fra-take-3']) {
      expect(await recordOf(id)).toBeUndefined()
    }
  })

  it('2b. a delegation cannot remove its proposed block once others’ proposals are in it', async () => {
    const fra = await connect('fra')
    const mar = await connect('mar')
    // FRA proposes a new paragraph after p-08.
    proposeParagraph(fra.doc, ref('fra-own-block'), 'fra-own-block-uid', 'Proposé par la France.')
    await eventually(async () => expect(await recordOf('fra-own-block')).toBeDefined())
    await eventually(() => expect(() => blockByUid(mar.doc, 'fra-own-block-uid')).not.toThrow())
    // MAR proposes words inside it, and to delete some of FRA's.
    const marText = textOf(blockByUid(mar.doc, 'fra-own-block-uid'))
    marText.insert(0, 'Le Maroc ajoute. ', { insertion: ref('mar-in-fra-block', 'MAR') })
    await eventually(async () => expect(await recordOf('mar-in-fra-block')).toBeDefined())

    // FRA deletes its whole block, as its editor would on a selection: MAR's words would go too.
    await eventually(() =>
      expect(textOf(blockByUid(fra.doc, 'fra-own-block-uid')).toString()).toContain('Maroc'),
    )
    deleteBlock(fra.doc, 'fra-own-block-uid')
    await eventually(() => expect(refusedCodes(fra)).toContain('refused_change'))
    expect(await serverInsertedText('fra-own-block-uid')).toContain('Le Maroc ajoute. ')

    // Without another's words in it, FRA removes its own proposed block.
    const alone = await connect('fra')
    proposeParagraph(alone.doc, ref('fra-alone-block'), 'fra-alone-block-uid', 'Seule.')
    await eventually(async () => expect(await recordOf('fra-alone-block')).toBeDefined())
    deleteBlock(alone.doc, 'fra-alone-block-uid')
    const live = await liveDoc()
    await eventually(() => expect(() => blockByUid(live, 'fra-alone-block-uid')).toThrow())
    expect(refusedCodes(alone)).toEqual([])
  })

  it('3. a proposed block cannot carry another block’s uid, nor a uid that is not one', async () => {
    const agreedUid = 'p-08'
    for (const uid of [agreedUid, 42, 'x'.repeat(200)]) {
      const fra = await connect('fra')
      const section = blockByUid(fra.doc, agreedUid).parent as Y.XmlElement
      const paragraph = new Y.XmlElement('paragraph')
      setAttribute(paragraph, 'uid', uid)
      setAttribute(paragraph, INSERTED_BY_ATTR, ref(`fra-uid-${String(uid).length}`))
      paragraph.insert(0, [new Y.XmlText()])
      section.insert(section.toArray().indexOf(blockByUid(fra.doc, agreedUid)) + 1, [paragraph])
      await eventually(() => expect(refusedCodes(fra)).toContain('refused_change'))
    }
    const live = await liveDoc()
    const uids: unknown[] = []
    const visit = (node: Y.XmlFragment) => {
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlElement) {
          uids.push(child.getAttribute('uid'))
          visit(child)
        }
      }
    }
    visit(live.getXmlFragment('default'))
    expect(uids.filter((uid) => uid === agreedUid)).toHaveLength(1)
    expect(uids.every((uid) => typeof uid === 'string' && uid.length < 64)).toBe(true)

    // Every other delegation keeps proposing, word after word.
    const mar = await connect('mar')
    const words = ['Nous', 'rappelons', 'aussi', 'nos', 'engagements']
    for (const [n, word] of words.entries()) {
      textOf(blockByUid(mar.doc, 'p-09')).insert(0, `${word} `, {
        insertion: ref(`mar-word-${n}0`, 'MAR'),
      })
    }
    await eventually(async () =>
      expect((await serverInsertedText('p-09')).split(' ').filter(Boolean)).toHaveLength(5),
    )
    expect(refusedCodes(mar)).toEqual([])
  })

  it('4. a delegation cannot write under a co-facilitator’s client id', async () => {
    const cheClient = await connect('che')
    // CHE has shown its presence (its caret, as the editor does on opening), not typed yet.
    cheClient.provider.awareness.setLocalStateField('cursor', null)
    const cheId = cheClient.doc.clientID
    const fra = await connect('fra')
    await eventually(async () =>
      expect((await server.context.rooms.peek(ROOM))!.awareness.getStates().has(cheId)).toBe(true),
    )
    fra.doc.clientID = cheId
    textOf(blockByUid(fra.doc, 'p-10')).insert(0, 'Au nom de la Suisse ', {
      insertion: ref('fra-as-che'),
    })
    await eventually(() => expect(refusedCodes(fra)).toContain('refused_change'))

    // CHE's own keystrokes go through, and its copy stays the server's.
    textOf(blockByUid(cheClient.doc, 'p-10')).insert(0, 'Réaffirmant ')
    await eventually(async () => expect(await serverAgreedText('p-10')).toMatch(/^Réaffirmant /))
    const witness = await connect('mar')
    expect(witness.doc.getXmlFragment('default').toJSON()).toBe(
      cheClient.doc.getXmlFragment('default').toJSON(),
    )
    expect(await recordOf('fra-as-che')).toBeUndefined()
    fra.doc.clientID = fra.provider.awareness.clientID
  })

  it('5. never-completable updates are refused at once and charged, and the room stays whole', async () => {
    const socket = new RawSocket(`${collabUrl()}/${ROOM}?access_token=${tokens.fra}`, {
      timeoutMs: 20_000,
    })
    await socket.opened()
    const started = process.hrtime.bigint()
    for (let n = 0; n < 200; n++) {
      await socket.send(syncUpdateMessage(cyclicUpdate(2_000_000 + 2 * n, 2_000_001 + 2 * n)))
    }
    socket.close()
    await socket.closed
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6
    const live = await liveDoc()
    expect(live.store.pendingStructs).toBeNull()
    expect(Y.getState(live.store, 2_000_000)).toBe(0)
    expect(elapsedMs).toBeLessThan(5_000)
  })

  it('7. text attributes, nested types, extra keys in refs and presence floods are refused', async () => {
    const attempts: ((doc: Y.Doc) => void)[] = [
      (doc) => textOf(blockByUid(doc, 'p-11')).setAttribute('evil', 'x'),
      (doc) => {
        const nested = new Y.Map()
        setAttribute(blockByUid(doc, 'p-11'), DELETED_BY_ATTR, nested)
      },
      (doc) =>
        textOf(blockByUid(doc, 'p-11')).insert(0, 'Plus ', {
          insertion: { ...ref('fra-extra-1'), note: 'stored for good' },
        }),
    ]
    for (const attempt of attempts) {
      const fra = await connect('fra')
      attempt(fra.doc)
      await eventually(() => expect(refusedCodes(fra)).toContain('refused_change'))
    }
    expect(await recordOf('fra-extra-1')).toBeUndefined()

    const flood = awarenessUpdate(
      Array.from({ length: 1_000 }, (_, n) => ({ clientId: 3_000_000 + n, clock: 1, state: {} })),
    )
    const socket = new RawSocket(`${collabUrl()}/${ROOM}?access_token=${tokens.fra}`)
    await socket.send(awarenessMessage(flood))
    expect(await socket.closed).toMatchObject({ code: CloseReason.malformed.code })
    const presences = (await server.context.rooms.peek(ROOM))!.awareness.getStates()
    expect([...presences.keys()].some((id) => id >= 3_000_000 && id < 3_001_000)).toBe(false)
  })

  it('7. a proposal’s text and its record are committed in one transaction', async () => {
    const fra = await connect('fra')
    recording.appends.length = 0
    textOf(blockByUid(fra.doc, 'p-12')).insert(0, 'Ensemble, ', {
      insertion: ref('fra-one-commit'),
    })
    await eventually(async () => expect(await recordOf('fra-one-commit')).toBeDefined())
    await (await server.context.rooms.peek(ROOM))!.whenCommitted()
    const withText = recording.appends.filter((batch) =>
      batch.some((update) =>
        Y.decodeUpdate(update).structs.some((struct) => struct.id.client === fra.doc.clientID),
      ),
    )
    expect(withText).toHaveLength(1)
    const isRecord = (update: Uint8Array) =>
      Y.decodeUpdate(update).structs.some(
        (struct) => struct instanceof Y.Item && (struct.parent as unknown) === PROPOSALS_MAP,
      )
    expect(withText[0]!.some(isRecord)).toBe(true)
  })
})

describe('a user whose messages cost too much', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    server = await startTestServer()
    for (const name of ['fra', 'mar', 'egy']) {
      tokens[name] = await (await ApiClient.signedIn(server.url, name)).createToken()
    }
  })
  afterAll(() => server.close())

  const url = (name = 'fra') =>
    `${server.url.replace(/^http/, 'ws')}/collab/${ROOM}?access_token=${tokens[name]}`

  it('is closed past its items per minute before the update is applied, and kept out a while', async () => {
    const doc = new Y.Doc()
    const text = doc.getXmlFragment('default')
    // Seventy thousand items, none merging with another: under 2 MB to send.
    doc.transact(() => {
      for (let n = 0; n < 70_000; n++) text.insert(0, [new Y.XmlText()])
    })
    const socket = new RawSocket(url(), { timeoutMs: 20_000 })
    await socket.send(syncUpdateMessage(Y.encodeStateAsUpdate(doc)))
    expect(await socket.closed).toMatchObject({ code: CloseReason.writingTooFast.code })
    const room = await server.context.rooms.peek(ROOM)
    expect(room ? Y.getState(room.doc.store, doc.clientID) : 0).toBe(0)
    expect(await tryUpgrade(url())).toEqual({ status: 429 })
  })

  it('is closed past its bytes per minute, and cannot reconnect to send more', async () => {
    // Forbidden updates of 1.8 MB each: plain text in the draft, which a delegation may not add.
    const forbidden = () => {
      const doc = new Y.Doc()
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('x'.repeat(1_800_000))])
      doc.getXmlFragment('default').insert(0, [paragraph])
      return syncUpdateMessage(Y.encodeStateAsUpdate(doc))
    }
    let closes = 0
    let refusedUpgrades = 0
    for (let attempt = 0; attempt < 6; attempt++) {
      const upgrade = await tryUpgrade(url('mar'))
      if ('status' in upgrade) {
        expect(upgrade.status).toBe(429)
        refusedUpgrades++
        continue
      }
      if (!('open' in upgrade)) throw new Error('closed at once')
      upgrade.open.close()
      const socket = new RawSocket(url('mar'), { timeoutMs: 10_000 })
      for (let n = 0; n < 6; n++) await socket.send(forbidden()).catch(() => undefined)
      const closed = await socket.closed
      if (closed.code === CloseReason.writingTooFast.code) closes++
    }
    expect(closes).toBeGreaterThanOrEqual(1)
    expect(refusedUpgrades).toBeGreaterThanOrEqual(4)
  })
})

describe('a flood of small messages', () => {
  it('is closed past the messages per minute, although each is tiny', async () => {
    const server = await startTestServer()
    try {
      const token = await (await ApiClient.signedIn(server.url, 'egy')).createToken()
      const socket = new RawSocket(
        `${server.url.replace(/^http/, 'ws')}/collab/${ROOM}?access_token=${token}`,
        { timeoutMs: 20_000 },
      )
      for (let n = 0; n < MAX_MESSAGES_PER_MINUTE + 100; n++) {
        const presence = awarenessUpdate([{ clientId: 7_000_000, clock: n + 1, state: { n } }])
        await socket.send(awarenessMessage(presence)).catch(() => undefined)
      }
      expect(await socket.closed).toMatchObject({ code: CloseReason.writingTooFast.code })
    } finally {
      await server.close()
    }
  })
})

describe('client ids after a restart', () => {
  it('stay their first writer’s', async () => {
    // Storage of the test's own: the helper removes the one it makes on close.
    const storage = await createTestStorage()
    let server = await startTestServer({ storage })
    const tokens: Record<string, string> = {}
    for (const name of ['fra', 'che']) {
      tokens[name] = await (await ApiClient.signedIn(server.url, name)).createToken()
    }
    let clients = clientsOf(() => server.url, NID, tokens)
    const che = await clients.connect('che')
    const cheId = che.doc.clientID
    textOf(blockByUid(che.doc, 'p-13')).insert(0, 'Rappelant ')
    await eventually(async () =>
      expect(Y.getState((await server.context.rooms.peek(ROOM))!.doc.store, cheId)).toBeGreaterThan(
        0,
      ),
    )
    clients.closeAll()
    await server.close()

    server = await startTestServer({ storage })
    try {
      clients = clientsOf(() => server.url, NID, tokens)
      const fra = await clients.connect('fra')
      fra.doc.clientID = cheId
      textOf(blockByUid(fra.doc, 'p-13')).insert(0, 'Au nom de la Suisse ', {
        insertion: ref('fra-as-che-later'),
      })
      await eventually(() =>
        expect(fra.notices.map((notice) => notice.code)).toContain('refused_change'),
      )
      await expectStoredAsLive(server.context, ROOM)
      // Its presence was announced under its own id, which it leaves with.
      fra.doc.clientID = fra.provider.awareness.clientID
      clients.closeAll()
    } finally {
      await server.close()
      await removeTestStorage(storage)
    }
  })
})
