import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { ApiClient } from '../helpers/accounts.ts'
import { type YClient, connectWithToken } from '../helpers/yClients.ts'
import { envInteger, sleep, type Benchmark, type BenchmarkReport } from './benchmark.ts'
import { startBenchServer, type BenchServer, type ServerKind } from './benchServer.ts'

/**
 * Many rooms: BENCH_ROOMS (100) negotiations open at once, created by the secretariat
 * (`POST /api/negotiations`), whose token the clients use (the secretariat may read every
 * room). First one stock client per room (every room loaded), then BENCH_ROOM_CLIENTS - 1 (2)
 * more each: the server's RSS after each step, settled, gives memory per room and per
 * connection. The reference serves the same number of rooms, each seeded with the Yjs state of
 * a new Draftroom negotiation.
 */

const SETTLE_MS = 1_500

export interface ManyRoomsOptions {
  rooms: number
  clientsPerRoom: number
}

export const manyRoomsOptionsFromEnv = (): ManyRoomsOptions => ({
  rooms: envInteger('BENCH_ROOMS', 100),
  clientsPerRoom: envInteger('BENCH_ROOM_CLIENTS', 3),
})

interface RoomsResult {
  server: string
  baseMb: number
  oneClientMb: number
  allClientsMb: number
  perRoomKb: number
  perConnectionKb: number
  connectSeconds: number
}

const mb = (bytes: number) => bytes / (1024 * 1024)
const roomId = (i: number) => `bench-room-${i}`

async function settledRss(server: BenchServer): Promise<number> {
  await sleep(SETTLE_MS)
  return (await server.stats()).rss
}

async function runServer(
  kind: ServerKind,
  options: ManyRoomsOptions,
  seedFile: string,
): Promise<RoomsResult> {
  const isDraftroom = kind === 'draftroom'
  const server = await startBenchServer({ kind, ...(isDraftroom ? {} : { seedFile }) })
  const clients: YClient[] = []
  try {
    let token = 'none'
    if (isDraftroom) {
      const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
      for (let i = 0; i < options.rooms; i++) {
        const { status } = await secretariat.json('POST', '/api/negotiations', {
          id: roomId(i),
          title: `Benchmark negotiation ${i}`,
        })
        if (status !== 201) throw new Error(`creating ${roomId(i)}: ${status}`)
      }
      token = await secretariat.createToken('bench')
    }
    const base = await settledRss(server)
    const started = performance.now()
    const connectRound = async () => {
      const round = Array.from({ length: options.rooms }, (_, i) =>
        connectWithToken({ baseUrl: server.url, negotiationId: roomId(i), token }),
      )
      clients.push(...round)
      await Promise.all(round.map((c) => c.synced()))
    }
    await connectRound()
    if (isDraftroom && !fs.existsSync(seedFile)) {
      fs.writeFileSync(seedFile, Y.encodeStateAsUpdate(clients[0]!.doc))
    }
    const oneClient = await settledRss(server)
    for (let k = 1; k < options.clientsPerRoom; k++) await connectRound()
    const connectSeconds = (performance.now() - started) / 1_000
    const allClients = await settledRss(server)
    const extra = options.rooms * (options.clientsPerRoom - 1)
    return {
      server: isDraftroom ? 'Draftroom (secretariat token)' : 'reference y-websocket loop',
      baseMb: mb(base),
      oneClientMb: mb(oneClient),
      allClientsMb: mb(allClients),
      perRoomKb: (oneClient - base) / 1024 / options.rooms,
      perConnectionKb: extra > 0 ? (allClients - oneClient) / 1024 / extra : NaN,
      connectSeconds,
    }
  } finally {
    for (const client of clients) {
      client.destroy()
      client.doc.destroy()
    }
    await server.dispose()
  }
}

const fixed = (value: number, digits = 1) => value.toFixed(digits)

export async function runManyRooms(options = manyRoomsOptionsFromEnv()): Promise<BenchmarkReport> {
  console.log(`many rooms: ${options.rooms} rooms, ${options.clientsPerRoom} clients each`)
  process.setMaxListeners(
    Math.max(process.getMaxListeners(), options.rooms * options.clientsPerRoom * 2 + 10),
  )
  const seedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftroom-rooms-'))
  const seedFile = path.join(seedDir, 'new-negotiation.bin')
  const results: RoomsResult[] = []
  try {
    for (const kind of ['draftroom', 'reference'] as const) {
      results.push(await runServer(kind, options, seedFile))
    }
  } finally {
    fs.rmSync(seedDir, { recursive: true, force: true })
  }
  const [draftroom, reference] = results as [RoomsResult, RoomsResult]
  return {
    title: `Many rooms: ${options.rooms} negotiations, ${options.clientsPerRoom} clients each (manyRooms.ts)`,
    columns: [
      'server',
      'RSS MB: no client',
      'one per room',
      'all clients',
      'KB per room',
      'KB per connection',
      'connect s',
    ],
    rows: results.map((r) => [
      r.server,
      fixed(r.baseMb),
      fixed(r.oneClientMb),
      fixed(r.allClientsMb),
      fixed(r.perRoomKb, 0),
      fixed(r.perConnectionKb, 0),
      fixed(r.connectSeconds),
    ]),
    notes: [
      `Draftroom / reference: per room x${fixed(draftroom.perRoomKb / reference.perRoomKb, 2)}, ` +
        `per connection x${fixed(draftroom.perConnectionKb / reference.perConnectionKb, 2)}`,
      'RSS deltas of the server process, each read 1.5 s after the step (no forced GC: a ' +
        'delta includes garbage not yet collected, so take it as an upper bound); per room: ' +
        'the first client of each room (room loaded, plus that connection); per connection: ' +
        'the further clients',
    ],
    results: { options, servers: results },
  }
}

export const manyRooms: Benchmark = { name: 'manyRooms', run: () => runManyRooms() }
