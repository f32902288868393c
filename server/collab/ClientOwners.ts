import type { ClientClaim, ClientOwner } from '../storage/DocumentStore.ts'

/**
 * Who owns each Yjs client id in one document: the first user to write under it (or to show
 * their presence under it), or the server for its own writes. Nothing in a Yjs update binds its
 * client ids to a user; without this, a delegation could write in a co-facilitator's name at
 * the clock the server expects next, and the co-facilitator's own keystrokes would then be
 * dropped as duplicates. Claims are stored with the updates they come with, so that a restart
 * does not reopen the door.
 */
export class ClientOwners {
  private readonly owners = new Map<number, ClientOwner>()
  private unsaved: ClientClaim[] = []

  constructor(stored: Iterable<ClientClaim>) {
    for (const { clientId, owner } of stored) this.owners.set(clientId, owner)
  }

  ownerOf(clientId: number): ClientOwner | undefined {
    return this.owners.get(clientId)
  }

  /** Claims `clientId` for `owner` unless someone owns it; returns whether `owner` owns it. */
  claim(clientId: number, owner: ClientOwner): boolean {
    const current = this.owners.get(clientId)
    if (current !== undefined) return current === owner
    this.owners.set(clientId, owner)
    this.unsaved.push({ clientId, owner })
    return true
  }

  /** The claims not yet stored; storing them is the caller's (see `returnUnsaved`). */
  takeUnsaved(): ClientClaim[] {
    const claims = this.unsaved
    this.unsaved = []
    return claims
  }

  /** Claims whose storing failed, to be stored with the next attempt. */
  returnUnsaved(claims: readonly ClientClaim[]): void {
    this.unsaved = [...claims, ...this.unsaved]
  }
}
