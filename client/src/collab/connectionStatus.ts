import type { ConnectionStateName } from '../i18n/messages.ts'

/** Why the server last closed the connection, when it said so with a close code. */
export interface ClosedBy {
  code: number
  reason: string
  /** The server asked not to reconnect (4400-4499): only the user can retry. */
  isTerminal: boolean
}

export interface ConnectionStatus {
  connection: ConnectionStateName
  closedBy: ClosedBy | null
}

export type ConnectionEvent =
  | { type: 'connecting' }
  | { type: 'connected' }
  | { type: 'closed'; closedBy: ClosedBy | null }
  | { type: 'wentOffline' }

/**
 * The connection state shown in the header. After a failure the provider retries in a loop
 * (connecting, closed, connecting...): the header stays "offline" through those retries rather
 * than flickering, and says "connecting" only for the first attempt after being connected.
 */
export function nextConnectionStatus(
  status: ConnectionStatus,
  event: ConnectionEvent,
): ConnectionStatus {
  switch (event.type) {
    case 'connecting':
      return status.connection === 'offline' ? status : { ...status, connection: 'connecting' }
    case 'connected':
      return { connection: 'connected', closedBy: null }
    case 'closed':
      return { connection: 'offline', closedBy: event.closedBy ?? status.closedBy }
    case 'wentOffline':
      return { ...status, connection: 'offline' }
  }
}

export const INITIAL_CONNECTION_STATUS: ConnectionStatus = {
  connection: 'connecting',
  closedBy: null,
}
