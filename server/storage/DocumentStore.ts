/**
 * Where live Yjs documents are kept. The collaboration rooms talk only to this interface, so
 * that PostgreSQL can replace SQLite without touching them.
 */
export interface DocumentStore {
  /** The compacted snapshot and the updates committed since, in commit order. */
  load(name: string): Promise<StoredDocument>
  /** Commits updates in one transaction; resolves only once they are durable. */
  append(name: string, updates: readonly Uint8Array[]): Promise<void>
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
}
