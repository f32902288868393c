import * as Y from 'yjs'
import { mayWriteDraft } from '../../shared/permissions.ts'
import { NoticeCode } from '../../shared/draft/index.ts'
import type { CloseReasonName } from '../../shared/collabProtocol.ts'
import { recordNewProposals, readProposal } from '../collab/proposalRecords.ts'
import type { Peer } from '../collab/Peer.ts'
import type { Room } from '../collab/Room.ts'
import type { RelayedOutcome, RelayedWriter } from '../collab/RoomLink.ts'
import { judgeDraftChange } from '../policies/draftChange.ts'

let nextRemoteId = -1

/**
 * The writer of a relayed update, as the owner's room sees it: not one of its peers (it hears
 * nothing directly; its own process tells it what became of the update).
 */
class RemoteWriter implements Peer {
  readonly id = nextRemoteId--
  readonly isDraftroomClient = false
  readonly awarenessIds = new Set<number>()
  constructor(readonly userId: number) {}
  send(): void {}
  close(_reason: CloseReasonName): void {}
}

/**
 * The owner applies a client's update that another process relayed: the same judgement as a
 * local client's (`Connection`), with the writer's role and delegation as its process read
 * them, against the owner's live document. The sender's process has charged the writer's
 * budget and checked the role and the freeze; both are checked again here, where they are
 * current.
 */
export function applyRelayedWrite(
  room: Room,
  update: Uint8Array,
  writer: RelayedWriter,
  deps: { isFrozen: boolean; now: Date },
): Exclude<RelayedOutcome, { status: 'applied' } | { status: 'unavailable' }> | null {
  if (!mayWriteDraft(writer.role)) {
    return {
      status: 'refused',
      code: NoticeCode.readOnly,
      message: 'You may read this draft but not change it.',
    }
  }
  if (deps.isFrozen) {
    return {
      status: 'refused',
      code: NoticeCode.frozen,
      message: 'The text is frozen: a silence procedure runs, or it was adopted.',
    }
  }
  const outcome = room.receiveUpdate(update, new RemoteWriter(writer.userId), {
    judge: (change) =>
      judgeDraftChange(change, { role: writer.role, delegation: writer.delegation }, (id) =>
        readProposal(room.doc, id),
      ),
    chargeItems: () => true,
  })
  switch (outcome.status) {
    case 'applied':
      recordNewProposals({
        doc: room.doc,
        changes: outcome.changes,
        author: { userId: writer.userId, name: writer.displayName },
        now: deps.now,
        transact: (write) => room.transactAsServer(write),
      })
      return null
    case 'refused':
      return { status: 'refused', code: NoticeCode.refusedChange, message: outcome.refusal.message }
    case 'invalid':
      return { status: 'invalid', message: outcome.message }
    case 'setAside':
      return { status: 'setAside' }
    case 'overBudget':
      return { status: 'invalid', message: 'over budget' }
  }
}

/**
 * The owner applies a server change another process made (an HTTP command, a silence
 * procedure): trusted, as the server's own; its client ids are claimed for the server.
 */
export function applyRelayedServerChange(room: Room, update: Uint8Array): void {
  room.transactAsServer(() => {
    room.claimServerClients(Y.decodeUpdate(update).structs.map((struct) => struct.id.client))
    Y.applyUpdate(room.doc, update)
  })
}
