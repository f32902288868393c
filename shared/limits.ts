/** Limits shared by the server, which enforces them, and the client, which respects them. */

/** The largest WebSocket message the collaboration server accepts (bytes); above: close 1009. */
export const MAX_COLLAB_MESSAGE_BYTES = 2 * 1024 * 1024

/** The largest JSON body the HTTP API accepts. */
export const MAX_JSON_BODY_BYTES = 256 * 1024

/** Negotiation ids: lower-case letters, digits and dashes. */
export const NEGOTIATION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/

/** Stored updates of a room beyond which the room is compacted into one snapshot. */
export const COMPACTION_THRESHOLD_UPDATES = 500
