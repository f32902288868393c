/** Who owns a Yjs client id in a document: a user's id, or the server itself. */
export type ClientOwner = number | 'server'

/** A claim of a Yjs client id. */
export interface ClientClaim {
  clientId: number
  owner: ClientOwner
}

/**
 * Where live Yjs documents are kept. The collaboration rooms talk only to this interface, so
 * that PostgreSQL can replace SQLite without touching them.
 */
export interface DocumentStore {
  /** The compacted snapshot, the updates committed since (in commit order), and the claims. */
  load(name: string): Promise<StoredDocument>
  /**
   * Commits updates, and the client ids first claimed with them, in one transaction; resolves
   * only once they are durable.
   */
  append(
    name: string,
    updates: readonly Uint8Array[],
    claims?: readonly ClientClaim[],
  ): Promise<void>
  /**
   * Replaces the snapshot by `state` and drops the updates it contains. `state` must contain
   * every update committed so far for `name` (the room guarantees it by compacting from its
   * in-memory document, which holds everything committed).
   */
  compact(name: string, state: Uint8Array): Promise<void>
  /** Creates a document with its initial state, if it does not exist. */
  create(name: string, state: Uint8Array): Promise<void>
  exists(name: string): Promise<boolean>
}

export interface StoredDocument {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  claims: ClientClaim[]
}
