import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import {
  COLLAB_PATH,
  CloseReason,
  DRAFTROOM_CLIENT_PARAM,
  DRAFT_ROOM_PATTERN,
} from '../../shared/collabProtocol.ts'
import { MAX_COLLAB_MESSAGE_BYTES } from '../../shared/limits.ts'
import type { Logger } from '../logger.ts'
import type { NegotiationRepository } from '../storage/negotiations.ts'
import { Connection } from './Connection.ts'
import type { RoomRegistry } from './RoomRegistry.ts'

export interface CollabServer {
  close(): Promise<void>
}

/**
 * The collaboration WebSocket at `/collab/<room>`: the standard y-websocket protocol, one room
 * per negotiation draft. Frames above MAX_COLLAB_MESSAGE_BYTES are refused by `ws` itself with
 * close code 1009 before they are buffered whole.
 */
export function attachCollabServer(props: {
  server: Server
  rooms: RoomRegistry
  negotiations: NegotiationRepository
  logger: Logger
}): CollabServer {
  const { server, rooms, negotiations, logger } = props
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_COLLAB_MESSAGE_BYTES })

  const handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The raw path, not a normalised URL: `/collab/../x` must reach the room check and be
    // refused there, not be resolved to another path.
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/'
    if (!rawPath.startsWith(`${COLLAB_PATH}/`)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    const url = new URL(request.url ?? '/', 'http://localhost')
    wss.handleUpgrade(request, socket, head, (ws) => {
      acceptConnection(ws, rawPath, url).catch((error: unknown) => {
        logger.error({ err: error }, 'collaboration connection failed')
        ws.close(CloseReason.internal.code, CloseReason.internal.reason)
      })
    })
  }

  const acceptConnection = async (ws: WebSocket, rawPath: string, url: URL) => {
    // Messages may arrive while the room loads; they are queued and handled in order.
    const early: RawData[] = []
    const queueEarly = (data: RawData) => early.push(data)
    ws.on('message', queueEarly)
    ws.on('error', (error) => logger.warn({ err: error }, 'collaboration socket error'))

    const roomName = decodeRoomName(rawPath.slice(COLLAB_PATH.length + 1))
    const negotiationId = roomName?.match(DRAFT_ROOM_PATTERN)?.[1]
    if (!roomName || !negotiationId || !(await negotiations.find(negotiationId))) {
      logger.warn({ path: rawPath }, 'refused connection to an unknown room')
      ws.close(CloseReason.unknownRoom.code, CloseReason.unknownRoom.reason)
      return
    }
    const room = await rooms.open(roomName)
    if (ws.readyState !== ws.OPEN) {
      if (room.peers.size === 0) rooms.scheduleUnload(room)
      return
    }
    const isDraftroomClient = url.searchParams.get(DRAFTROOM_CLIENT_PARAM) === '1'
    const connection = new Connection(ws, room, isDraftroomClient, logger)
    ws.off('message', queueEarly)
    ws.on('message', (data) => connection.handleMessage(toBytes(data)))
    ws.on('close', () => {
      if (room.leave(connection)) rooms.scheduleUnload(room)
    })
    connection.start()
    for (const data of early) connection.handleMessage(toBytes(data))
  }

  server.on('upgrade', handleUpgrade)
  return {
    close: async () => {
      server.off('upgrade', handleUpgrade)
      for (const ws of wss.clients) ws.close(CloseReason.goingAway.code, CloseReason.goingAway.reason)
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

function decodeRoomName(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
