import type { ClientClaim, DocumentStore, StoredDocument } from '../storage/DocumentStore.ts'
import type { ClusterStore } from './ClusterStore.ts'

/**
 * The document store one room's persistence sees when several processes run: commits and
 * compactions go through the lease (fenced by its epoch: see ClusterStore), and what is
 * committed is handed on with its numbers, to be published. A room that does not own its
 * document never reaches `append` with updates (it relays them); claims it would store are
 * the owner's to store.
 */
export class FencedDocumentStore implements DocumentStore {
  constructor(
    private readonly name: string,
    private readonly store: ClusterStore,
    private readonly owner: {
      lease: () => { owner: string; epoch: number }
      /** The number of the last update the room's document contains. */
      coveredSeq: () => number
      onCommitted: (updates: readonly Uint8Array[], lastSeq: number) => void
    },
  ) {}

  load(): Promise<StoredDocument> {
    return this.store.load(this.name)
  }

  async append(
    _name: string,
    updates: readonly Uint8Array[],
    claims: readonly ClientClaim[] = [],
  ): Promise<void> {
    const lastSeq = await this.store.appendFenced(this.name, this.owner.lease(), updates, claims)
    if (lastSeq !== null && updates.length > 0) this.owner.onCommitted(updates, lastSeq)
  }

  async compact(_name: string, state: Uint8Array): Promise<void> {
    await this.store.compactFenced(this.name, this.owner.lease(), state, this.owner.coveredSeq())
  }

  create(): Promise<void> {
    return Promise.reject(new Error('documents are created through the main store'))
  }

  exists(): Promise<boolean> {
    return Promise.resolve(true)
  }
}
