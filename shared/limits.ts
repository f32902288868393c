/** Limits shared by the server, which enforces them, and the client, which respects them. */

/** The largest WebSocket message the collaboration server accepts (bytes); above: close 1009. */
export const MAX_COLLAB_MESSAGE_BYTES = 2 * 1024 * 1024

/**
 * What the server holds for one client that does not read what it is sent (bytes, beyond what
 * the operating system buffers). Past it the connection is dropped: a client that comes back
 * syncs only what it lacks, while a backlog kept for it would grow with every keystroke in the
 * room. Well above the largest draft's first sync.
 */
export const MAX_CLIENT_BACKLOG_BYTES = 32 * 1024 * 1024

/** Changes of one user the server refuses per minute before closing their connection (4429). */
export const MAX_REFUSED_CHANGES_PER_MINUTE = 20

/** The largest JSON body the HTTP API accepts. */
export const MAX_JSON_BODY_BYTES = 256 * 1024

/** Negotiation ids: lower-case letters, digits and dashes. */
export const NEGOTIATION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/

/** Stored updates of a room beyond which the room is compacted into one snapshot. */
export const COMPACTION_THRESHOLD_UPDATES = 500

/** Sign-in attempts allowed per client address and user name per minute; then 429. */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10

/** How long a session lasts (the cookie's Max-Age). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/
export const MIN_PASSWORD_LENGTH = 4
export const MAX_PASSWORD_LENGTH = 256
export const MAX_NAME_LENGTH = 120
