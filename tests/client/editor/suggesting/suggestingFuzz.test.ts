// @vitest-environment happy-dom
import { DRAFT_FRAGMENT } from '../../../../shared/draft/index.ts'
import { afterEach, describe, expect, it } from 'vitest'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { ProposalRoom, type RoomClient } from './proposalRoom.ts'
import { act, draft, random } from './randomEditing.ts'

let room: ProposalRoom
afterEach(() => room.destroy())

function expectConverged(clients: readonly RoomClient[]): void {
  room.deliver()
  expect(room.refusals).toEqual([])
  const server = yXmlFragmentToProsemirrorJSON(room.live.getXmlFragment(DRAFT_FRAGMENT))
  for (const client of clients) {
    expect(yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment(DRAFT_FRAGMENT))).toEqual(server)
  }
}

// Random editing by two delegations through the real rule book: the suggesting mode must never
// send a change the server refuses. A failing seed is in the test's name, to replay it.
describe('suggesting mode, fuzzed', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`sends only changes the server accepts, turn by turn (seed ${seed})`, () => {
      room = new ProposalRoom(draft())
      const clients = [room.join('delegation', 'FRA'), room.join('delegation', 'MAR')]
      const next = random(seed)
      for (let step = 0; step < 150; step++) {
        const client = clients[Math.floor(next() * clients.length)]
        if (client) act(client, next)
        room.deliver()
        expect(room.refusals, `seed ${seed}, step ${step}`).toEqual([])
      }
      expectConverged(clients)
    })
  }

  // Concurrent edits at the very same characters may still be refused (Yjs formatting is not
  // intention-preserving there; the client then reloads the server's text): apart, never.
  for (const seed of [7, 8, 9, 10]) {
    it(`sends only changes the server accepts, typing at once in two actions (seed ${seed})`, () => {
      room = new ProposalRoom(draft())
      const fra = room.join('delegation', 'FRA')
      const mar = room.join('delegation', 'MAR')
      const next = random(seed)
      for (let step = 0; step < 150; step++) {
        if (next() < 0.5) act(fra, next, { within: 'o7-a' })
        else act(mar, next, { within: 'o7-b' })
        if (next() < 0.3) room.deliver()
        expect(room.refusals, `seed ${seed}, step ${step}`).toEqual([])
      }
      expectConverged([fra, mar])
    })
  }
})
