import { CO_FACILITATORS_COLOR } from '../../shared/presence.ts'
import { isDeepStrictEqual } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import type { InProcessServer } from '../helpers/servers/index.ts'
import { startServer } from '../helpers/servers/index.ts'
import { fetchDraftDocument } from '../helpers/fetchDraft.ts'
import {
  type ClientOptions,
  type DocJson,
  type YClient,
  addParagraph,
  blockByUid,
  blockText,
  connectClient,
  deleteText,
  draftJson,
  draftText,
  insertText,
  pickBlocks,
  uidOf,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)

let server: InProcessServer
const clients: YClient[] = []

beforeAll(async () => {
  server = await startServer({ inProcess: true })
})

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

afterAll(async () => {
  await server?.dispose()
})

async function join(name: string, options: ClientOptions = {}): Promise<YClient> {
  const client = await connectClient(server.collabUrl, ROOM, { name, ...options })
  clients.push(client)
  return client
}

async function serverDocument(): Promise<DocJson> {
  return await fetchDraftDocument(server, DEMO_NEGOTIATION_ID)
}

/** The section holding a block, and the block's index in it. */
function placeOf(block: Y.XmlElement): { section: Y.XmlElement; index: number } {
  const section = block.parent as Y.XmlElement
  return { section, index: section.toArray().indexOf(block) }
}

describe('co-editing the demo draft with stock y-websocket clients', () => {
  it('converges after concurrent edits in one paragraph and in different paragraphs', async () => {
    const [a, b, c] = await Promise.all([join('A'), join('B'), join('C')])
    const [first, second] = pickBlocks(a.doc, 2, { minLength: 12 })
    const p1 = uidOf(first!)!
    const p2 = uidOf(second!)!
    const original1 = blockText(first!)
    const original2 = blockText(second!)

    // All in one tick: no client has seen any other's change when it makes its own.
    insertText(blockByUid(a.doc, p1), 3, '«A»')
    insertText(blockByUid(b.doc, p1), 3, '[B]')
    deleteText(blockByUid(c.doc, p1), 6, 2)
    insertText(blockByUid(c.doc, p2), 0, 'C : ')
    insertText(blockByUid(b.doc, p2), original2.length, ' (B)')
    const { section, index } = placeOf(blockByUid(a.doc, p2))
    const added = addParagraph(section, index + 1, 'Paragraphe ajouté par A.')

    await waitForConvergence([a, b, c])

    const head = original1.slice(0, 3)
    const tail = original1.slice(3, 6) + original1.slice(8)
    expect([`${head}«A»[B]${tail}`, `${head}[B]«A»${tail}`]).toContain(
      blockText(blockByUid(a.doc, p1)),
    )
    expect(blockText(blockByUid(b.doc, p2))).toBe(`C : ${original2} (B)`)
    const { section: addedSection, index: addedIndex } = placeOf(blockByUid(c.doc, added))
    expect(addedSection.toArray()[addedIndex - 1]).toBe(blockByUid(c.doc, p2))
    expect(blockText(blockByUid(c.doc, added))).toBe('Paragraphe ajouté par A.')
    // Each client's changes reached the others through the server, which commits before it
    // broadcasts: the server's draft is already the same.
    expect(await serverDocument()).toEqual(draftJson(a.doc))
  })

  it('merges the edits a client made offline when it reconnects', async () => {
    const [a, b, c] = await Promise.all([join('A'), join('B'), join('C')])
    const [block] = pickBlocks(a.doc, 1, { minLength: 12 })
    const p1 = uidOf(block!)!
    const original = blockText(block!)

    c.disconnect()
    await waitFor(
      () => !c.isConnected,
      5_000,
      () => 'C offline',
    )
    insertText(blockByUid(c.doc, p1), 0, 'Hors ligne : ')
    deleteText(blockByUid(c.doc, p1), 'Hors ligne : '.length + 4, 3)
    const { section } = placeOf(blockByUid(c.doc, p1))
    const added = addParagraph(section, 1, 'Paragraphe écrit hors ligne.')
    insertText(blockByUid(a.doc, p1), original.length, ' (en ligne)')

    await waitForConvergence([a, b])
    expect(draftText(b.doc)).not.toContain('Hors ligne')
    expect(blockText(blockByUid(a.doc, p1))).toBe(`${original} (en ligne)`)

    c.connect()
    await c.synced()
    await waitForConvergence([a, b, c])
    expect(blockText(blockByUid(b.doc, p1))).toBe(
      `Hors ligne : ${original.slice(0, 4)}${original.slice(7)} (en ligne)`,
    )
    expect(blockText(blockByUid(a.doc, added))).toBe('Paragraphe écrit hors ligne.')
    expect(await serverDocument()).toEqual(draftJson(c.doc))
  })

  it('relays presence from one client to the others, and removes it when the client leaves', async () => {
    const [a, b, c] = await Promise.all([join('A'), join('B'), join('C')])
    const [block] = pickBlocks(a.doc, 1)
    const cursor = { uid: uidOf(block!), anchor: 4, head: 9 }
    // The client claims to be France; the server stamps who it is (the signed-in test actor).
    a.provider.awareness.setLocalStateField('user', { name: 'France', delegation: 'FRA' })
    a.provider.awareness.setLocalStateField('cursor', cursor)
    const presence = {
      user: {
        name: 'Jürg Lauber',
        delegation: 'CHE',
        role: 'coFacilitator',
        color: CO_FACILITATORS_COLOR,
      },
      cursor,
    }

    const presenceOfA = (client: YClient): Record<string, unknown> | undefined =>
      client.provider.awareness.getStates().get(a.doc.clientID)
    await waitFor(
      () => [b, c].every((client) => isDeepStrictEqual(presenceOfA(client), presence)),
      5_000,
      () => `A's presence on B and C: ${JSON.stringify([presenceOfA(b), presenceOfA(c)])}`,
    )

    a.destroy()
    await waitFor(
      () => [b, c].every((client) => presenceOfA(client) === undefined),
      5_000,
      () => `A's presence gone from B and C: ${JSON.stringify([presenceOfA(b), presenceOfA(c)])}`,
    )
  })
})
