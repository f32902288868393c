import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { isSnapshotContained } from '../../shared/savedState.ts'
import type { ServerProcess } from '../helpers/servers/index.ts'
import { startServer } from '../helpers/servers/index.ts'
import { fetchDraftDocument } from '../helpers/fetchDraft.ts'
import {
  type ClientOptions,
  type YClient,
  addParagraph,
  blockByUid,
  blockText,
  connectClient,
  deleteText,
  draftJson,
  insertText,
  pickBlocks,
  uidOf,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)
const ROOM_IDLE_MS = 300

let server: ServerProcess
const clients: YClient[] = []

beforeAll(async () => {
  server = await startServer({ env: { ROOM_IDLE_MS: String(ROOM_IDLE_MS) } })
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  if (!server.isRunning) await server.restart()
})

afterAll(async () => {
  await server?.dispose()
})

async function join(name: string, options: ClientOptions = {}): Promise<YClient> {
  const client = await connectClient(server.collabUrl, ROOM, { name, ...options })
  clients.push(client)
  return client
}

/** The updates of `client`'s own that are not in `stored`. */
const missingFrom = (stored: Y.Snapshot, client: YClient): Uint8Array[] =>
  client.localUpdates.filter((update) => !Y.snapshotContainsUpdate(stored, update))

describe('persistence across server restarts', () => {
  it('keeps every edit through a clean shutdown (SIGTERM) and restart', async () => {
    const a = await join('A', { draftroom: true })
    const b = await join('B')
    const [first, second] = pickBlocks(a.doc, 2, { minLength: 12 })
    insertText(first!, 0, 'Révisé : ')
    deleteText(second!, 2, 5)
    addParagraph(first!.parent as Y.XmlElement, 1, 'Un paragraphe qui doit survivre.')
    insertText(blockByUid(b.doc, uidOf(second!)!), 0, '« B » ')

    await waitForConvergence([a, b])
    await waitFor(
      () => a.isSaved,
      5_000,
      () => 'the server acknowledging A’s edits',
    )
    const expected = draftJson(a.doc)
    // Clients that stayed would resend on reconnection and hide a loss: they leave first.
    a.destroy()
    b.destroy()

    expect(await server.stop()).toEqual({ code: 0, signal: null })
    await server.restart()
    const fresh = await join('fresh')
    expect(draftJson(fresh.doc)).toEqual(expected)
    expect(await fetchDraftDocument(server, DEMO_NEGOTIATION_ID)).toEqual(expected)
  })

  it('loses no acknowledged update when killed (SIGKILL) mid-typing; clients resend the rest', async () => {
    const typist = await join('typist', { draftroom: true })
    const other = await join('other')
    const [typed, otherTyped] = pickBlocks(typist.doc, 2, { minLength: 12 }).map((block) =>
      uidOf(block)!,
    )

    // Keystrokes every 5 ms on two clients, through the kill, the outage and the reconnection.
    let keystrokes = 0
    const typing = setInterval(() => {
      keystrokes++
      const block = blockByUid(typist.doc, typed!)
      const end = blockText(block).length
      if (keystrokes % 7 === 0) deleteText(block, end - 1, 1)
      else insertText(block, end, String.fromCharCode(97 + (keystrokes % 26)))
      if (keystrokes % 3 === 0) insertText(blockByUid(other.doc, otherTyped!), 0, '·')
    }, 5)
    try {
      await waitFor(
        () => {
          const stored = typist.lastStored
          return (
            stored !== null && typist.localUpdates.length - missingFrom(stored, typist).length >= 20
          )
        },
        10_000,
        () => 'the server acknowledging 20 keystrokes',
      )
      const port = server.port
      await server.kill()
      const acknowledged = typist.lastStored!
      const acknowledgedUpdates = typist.localUpdates.filter((update) =>
        Y.snapshotContainsUpdate(acknowledged, update),
      )
      const typedWhenKilled = keystrokes
      await waitFor(
        () => keystrokes >= typedWhenKilled + 20,
        5_000,
        () => 'offline keystrokes',
      )

      // A new process on another port, which the typing clients do not know: what a probe finds
      // there is what the killed process had committed, with nothing resent.
      await server.restart({ port: 0 })
      const probe = await connectClient(server.collabUrl, ROOM, { name: 'probe' })
      const committed = Y.snapshot(probe.doc)
      probe.destroy()
      expect(isSnapshotContained(acknowledged, committed)).toBe(true)
      expect(
        acknowledgedUpdates.filter((update) => !Y.snapshotContainsUpdate(committed, update)),
      ).toEqual([])

      // Back on the port the clients keep trying: they reconnect by themselves and resend.
      await server.stop()
      await server.restart({ port })
      await waitFor(
        () => typist.isSynced && other.isSynced,
        10_000,
        () => 'the typing clients reconnecting',
      )
      const typedWhenBack = keystrokes
      await waitFor(
        () => keystrokes >= typedWhenBack + 20,
        5_000,
        () => 'keystrokes after reconnecting',
      )
    } finally {
      clearInterval(typing)
    }

    await waitForConvergence([typist, other])
    await waitFor(
      () => typist.isSaved,
      5_000,
      () => 'the server acknowledging every keystroke',
    )
    const expected = draftJson(typist.doc)
    const expectedText = blockText(blockByUid(typist.doc, typed!))
    typist.disconnect()
    other.disconnect()

    await server.restart()
    const fresh = await join('fresh')
    expect(draftJson(fresh.doc)).toEqual(expected)
    expect(blockText(blockByUid(fresh.doc, typed!))).toBe(expectedText)
    const stored = Y.snapshot(fresh.doc)
    expect(missingFrom(stored, typist)).toEqual([])
    expect(missingFrom(stored, other)).toEqual([])
  })

  it('unloads a room when its last client leaves, and loads it again when one comes', async () => {
    const a = await join('A', { draftroom: true })
    const [block] = pickBlocks(a.doc, 1)
    insertText(block!, 0, 'Avant le déchargement : ')
    await waitFor(
      () => a.isSaved,
      5_000,
      () => 'the server acknowledging A’s edit',
    )
    const expected = draftJson(a.doc)

    const beforeLeaving = server.logMark()
    a.destroy()
    await server.waitForLog((line) => line.msg === 'room unloaded' && line.room === ROOM, {
      after: beforeLeaving,
      timeoutMs: ROOM_IDLE_MS + 5_000,
    })

    // With no room in memory, the API reads the stored draft, and does not load the room.
    const unloaded = server.logMark()
    expect(await fetchDraftDocument(server, DEMO_NEGOTIATION_ID)).toEqual(expected)
    expect(server.logs.slice(unloaded).filter((line) => line.msg === 'room loaded')).toEqual([])

    const b = await join('B')
    await server.waitForLog((line) => line.msg === 'room loaded' && line.room === ROOM, {
      after: unloaded,
    })
    expect(draftJson(b.doc)).toEqual(expected)
  })
})
