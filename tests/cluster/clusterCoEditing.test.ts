import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_NEGOTIATION_ID } from '../../server/demo/index.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { ClusterProcesses } from '../helpers/clusterProcesses.ts'
import { fetchDraftDocument } from '../helpers/collabServer.ts'
import {
  type YClient,
  blockByUid,
  blockText,
  connectClient,
  draftJson,
  insertText,
  pickBlocks,
  uidOf,
  waitFor,
  waitForConvergence,
} from '../helpers/yClients.ts'

const ROOM = draftRoomName(DEMO_NEGOTIATION_ID)

let cluster: ClusterProcesses
const clients: YClient[] = []

beforeAll(async () => {
  cluster = await ClusterProcesses.start(3)
})

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})

afterAll(async () => {
  await cluster?.dispose()
})

async function joinOn(index: number, name: string): Promise<YClient> {
  const client = await connectClient(cluster.at(index).collabUrl, ROOM, { name, draftroom: true })
  clients.push(client)
  return client
}

describe('one room served by three processes', () => {
  it('converges: what a client on one process types, clients on the others see', async () => {
    const [a, b, c] = await Promise.all([joinOn(0, 'A'), joinOn(1, 'B'), joinOn(2, 'C')])
    const [block] = pickBlocks(a.doc, 1, { minLength: 12 })
    const uid = uidOf(block!)!
    insertText(blockByUid(a.doc, uid), 0, 'A1 ')
    insertText(blockByUid(b.doc, uid), 0, 'B1 ')
    insertText(blockByUid(c.doc, uid), 0, 'C1 ')
    await waitForConvergence([a, b, c])
    for (const word of ['A1 ', 'B1 ', 'C1 '])
      expect(blockText(blockByUid(a.doc, uid))).toContain(word)
    // Every process's answer, read from its own room or storage, is the clients' draft.
    await waitFor(
      () => [a, b, c].every((client) => client.isSaved),
      5_000,
      () => 'saved',
    )
    for (const server of cluster.processes) {
      expect(await fetchDraftDocument(server, DEMO_NEGOTIATION_ID)).toEqual(draftJson(a.doc))
    }
  })
})
