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

/**
 * Changes of one user the server refuses (or sets aside, or finds invalid) per minute before
 * closing their connection (4429) and refusing new ones until the minute has refilled.
 */
export const MAX_REFUSED_CHANGES_PER_MINUTE = 20

/**
 * What one user may send per minute over the collaboration socket; past it, the connection
 * closes (4431). A delegate typing sends a few kilobytes a minute; pasting the whole compact
 * is about one megabyte and a few thousand items.
 */
export const MAX_WRITTEN_BYTES_PER_MINUTE = 8 * 1024 * 1024
export const MAX_WRITTEN_ITEMS_PER_MINUTE = 60_000
/**
 * Messages one user may send per minute, whatever they are: an editor sends one update and one
 * presence per keystroke (a fast typist, some 20 a second); a flood of tiny presence updates
 * stays within the bytes but not within this.
 */
export const MAX_MESSAGES_PER_MINUTE = 3_000
/** Collaboration connections one user may open per minute (each loads and syncs the draft). */
export const MAX_CONNECTIONS_PER_MINUTE = 30
/** Sync requests and presence queries one user may send per minute (each answered whole). */
export const MAX_SYNC_REQUESTS_PER_MINUTE = 60

/**
 * The longest alternative wording a delegation may propose for one paragraph or action
 * (characters). The compact's longest paragraph is under 1,500; an Alt replaces one paragraph.
 */
export const MAX_ALTERNATIVE_LENGTH = 4_000

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
/**
 * A new password's minimum length (NIST SP 800-63B asks 8 and more for passphrases; a
 * secretariat's policy asks 12). Checked on creation and reset, not at sign-in: the demo's
 * accounts keep their short password, demo mode only.
 */
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256
export const MAX_NAME_LENGTH = 120

/** Presences (awareness client ids) one connection may show; a y-websocket editor shows one. */
export const MAX_PRESENCES_PER_CONNECTION = 4
