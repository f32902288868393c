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
import type { Actor } from '../auth/Actor.ts'
import { authenticate } from '../auth/authenticate.ts'
import { isAllowedOrigin } from '../auth/isAllowedOrigin.ts'
import type { AppContext } from '../context.ts'
import { mayRead } from '../policies/negotiation.ts'
import { Connection } from './Connection.ts'
import { colorsOf } from '../../shared/presence.ts'

export interface CollabServer {
  close(): Promise<void>
}

/** How often open connections are re-authenticated (sessions expire while connected). */
const REAUTHENTICATE_INTERVAL_MS = 30_000

interface OpenConnection {
  connection: Connection
  request: IncomingMessage
  query: URLSearchParams
  negotiationId: string
}

/**
 * The collaboration WebSocket at `/collab/<room>`: the standard y-websocket protocol, one room
 * per negotiation draft. The upgrade is authenticated (session cookie, or a bearer token in the
 * header or `access_token` parameter) and authorized by the same policies as the HTTP API:
 * 401 or 403 before any WebSocket exists. Messages above MAX_COLLAB_MESSAGE_BYTES are refused
 * with close code 1009.
 */
export function attachCollabServer(props: { server: Server; context: AppContext }): CollabServer {
  const { server, context } = props
  const { logger, rooms } = context
  // `ws` refuses frames far above the limit before buffering them (close 1009 without a reason);
  // those just above it reach the connection, which closes with 1009 and says why.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * MAX_COLLAB_MESSAGE_BYTES })
  const open = new Set<OpenConnection>()

  const handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The raw path, not a normalised URL: `/collab/../x` must reach the room check and be
    // refused there, not be resolved to another path.
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/'
    if (!rawPath.startsWith(`${COLLAB_PATH}/`)) {
      refuseUpgrade(socket, 404, 'Not Found')
      return
    }
    if (!isAllowedOrigin(request, context.allowedOrigins)) {
      logger.warn({ path: rawPath, origin: request.headers.origin }, 'refused cross-site upgrade')
      refuseUpgrade(socket, 403, 'Forbidden')
      return
    }
    const query = new URL(request.url ?? '/', 'http://localhost').searchParams
    authorizeUpgrade(request, rawPath, query)
      .then((decision) => {
        if (decision.kind === 'refuse') {
          logger.warn({ path: rawPath, status: decision.status }, 'refused collaboration upgrade')
          refuseUpgrade(socket, decision.status, decision.message)
          return
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          if (decision.kind === 'unknownRoom') {
            logger.warn({ path: rawPath }, 'refused connection to an unknown room')
            ws.close(CloseReason.unknownRoom.code, CloseReason.unknownRoom.reason)
            return
          }
          acceptConnection(ws, request, query, decision).catch((error: unknown) => {
            logger.error({ err: error }, 'collaboration connection failed')
            ws.close(CloseReason.internal.code, CloseReason.internal.reason)
          })
        })
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'collaboration upgrade failed')
        refuseUpgrade(socket, 500, 'Internal Server Error')
      })
  }

  type Decision =
    | { kind: 'refuse'; status: number; message: string }
    | { kind: 'unknownRoom' }
    | { kind: 'accept'; actor: Actor; roomName: string; negotiationId: string }

  const authorizeUpgrade = async (
    request: IncomingMessage,
    rawPath: string,
    query: URLSearchParams,
  ): Promise<Decision> => {
    const actor = await authenticate({
      ...context,
      headers: request.headers,
      query,
      now: context.now(),
    })
    if (!actor) return { kind: 'refuse', status: 401, message: 'Unauthorized' }
    // A user closed for what they sent comes back only once their budget has refilled, and
    // nobody reconnects in a loop: each connection loads and syncs the whole draft.
    const budget = context.writerBudget
    await budget.refresh(actor.userId)
    if (budget.isSpent(actor.userId) || !budget.charge(actor.userId, 'connections')) {
      return { kind: 'refuse', status: 429, message: 'Too Many Requests' }
    }
    const roomName = decodeRoomName(rawPath.slice(COLLAB_PATH.length + 1))
    const negotiationId = roomName?.match(DRAFT_ROOM_PATTERN)?.[1]
    if (!roomName || !negotiationId || !(await context.negotiations.find(negotiationId))) {
      return { kind: 'unknownRoom' }
    }
    const role = await context.users.roleIn(actor.userId, negotiationId)
    if (!mayRead(actor, { negotiationId, role })) {
      return { kind: 'refuse', status: 403, message: 'Forbidden' }
    }
    return { kind: 'accept', actor, roomName, negotiationId }
  }

  const acceptConnection = async (
    ws: WebSocket,
    request: IncomingMessage,
    query: URLSearchParams,
    decision: { actor: Actor; roomName: string; negotiationId: string },
  ) => {
    const { actor, roomName, negotiationId } = decision
    // Messages may arrive while the room loads; they are queued and handled in order.
    const early: RawData[] = []
    const queueEarly = (data: RawData) => early.push(data)
    ws.on('message', queueEarly)
    ws.on('error', (error) => logger.warn({ err: error }, 'collaboration socket error'))
    const role = await context.users.roleIn(actor.userId, negotiationId)
    const { delegations } = await context.negotiations.participants(negotiationId)
    const room = await rooms.open(roomName)
    if (ws.readyState !== ws.OPEN) {
      if (room.peers.size === 0) rooms.scheduleUnload(room)
      return
    }
    const connection = new Connection(
      ws,
      room,
      actor,
      role,
      query.get(DRAFTROOM_CLIENT_PARAM) === '1',
      {
        logger,
        audit: context.audit,
        negotiationId,
        now: context.now,
        isFrozen: () => context.silence.isFrozen(negotiationId),
        maxBacklogBytes: context.maxClientBacklogBytes,
        budget: context.writerBudget,
        delegationColors: colorsOf(delegations),
      },
    )
    const entry: OpenConnection = { connection, request, query, negotiationId }
    open.add(entry)
    ws.off('message', queueEarly)
    ws.on('message', (data) => connection.handleMessage(toBytes(data)))
    ws.on('close', () => {
      open.delete(entry)
      if (room.leave(connection)) rooms.scheduleUnload(room)
    })
    connection.start()
    for (const data of early) connection.handleMessage(toBytes(data))
  }

  // Sign-out, deactivation, a password reset, a revoked token, an expired session or a changed
  // role reach open connections: each is authenticated again with what it connected with.
  const reauthorize = async (entry: OpenConnection) => {
    const { connection, request, query, negotiationId } = entry
    const actor = await authenticate({
      ...context,
      headers: request.headers,
      query,
      now: context.now(),
    })
    if (!actor) return connection.close('unauthenticated')
    const role = await context.users.roleIn(actor.userId, negotiationId)
    if (!mayRead(actor, { negotiationId, role })) return connection.close('forbidden')
    if (role) connection.changeRole(role)
  }
  const reauthorizeAll = (filter: (entry: OpenConnection) => boolean) => {
    for (const entry of open) {
      if (!filter(entry)) continue
      reauthorize(entry).catch((error: unknown) =>
        logger.error({ err: error }, 're-authorization failed'),
      )
    }
  }
  const unsubscribe = context.accessChanges.subscribe((userId) =>
    reauthorizeAll((entry) => entry.connection.userId === userId),
  )
  const sweep = setInterval(() => reauthorizeAll(() => true), REAUTHENTICATE_INTERVAL_MS)
  sweep.unref()

  server.on('upgrade', handleUpgrade)
  return {
    close: async () => {
      server.off('upgrade', handleUpgrade)
      unsubscribe()
      clearInterval(sweep)
      for (const ws of wss.clients)
        ws.close(CloseReason.goingAway.code, CloseReason.goingAway.reason)
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
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
