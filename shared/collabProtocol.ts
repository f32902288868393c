/**
 * The collaboration WebSocket protocol: the standard y-websocket messages (sync, awareness),
 * plus Draftroom's own messages, sent only to clients that ask for them with `?draftroom=1`
 * so that a stock y-websocket client never receives a type it does not know.
 */

export const COLLAB_PATH = '/collab'

/** The room of a negotiation's live draft. */
export const draftRoomName = (negotiationId: string): string =>
  `negotiations/${negotiationId}/draft`

export const DRAFT_ROOM_PATTERN = /^negotiations\/([a-z0-9][a-z0-9-]{0,62})\/draft$/

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Server -> client: the snapshot (state vector and delete set) the server has committed. */
  stored: 100,
  /** Server -> client: a notice to show (JSON `{ code, message }`), e.g. a refused update. */
  notice: 101,
} as const

/** The query parameter by which the Draftroom client asks for the messages above. */
export const DRAFTROOM_CLIENT_PARAM = 'draftroom'

/** WebSocket close codes and reasons, shared so that clients can explain a closed connection. */
export const CloseReason = {
  goingAway: { code: 1001, reason: 'server shutting down' },
  malformed: { code: 1007, reason: 'malformed message' },
  tooBig: { code: 1009, reason: 'message too big' },
  internal: { code: 1011, reason: 'internal error' },
  unknownMessageType: { code: 4400, reason: 'unknown message type' },
  unauthenticated: { code: 4401, reason: 'not signed in' },
  forbidden: { code: 4403, reason: 'not allowed in this room' },
  unknownRoom: { code: 4404, reason: 'unknown room' },
  invalidUpdate: { code: 4422, reason: 'invalid document update' },
  tooManyRefusals: { code: 4429, reason: 'too many refused changes' },
  writingTooFast: { code: 4431, reason: 'too much sent too fast' },
} as const satisfies Record<string, { code: number; reason: string }>

export type CloseReasonName = keyof typeof CloseReason
