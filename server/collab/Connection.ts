import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseReason, type CloseReasonName } from '../../shared/collabProtocol.ts'
import { MAX_COLLAB_MESSAGE_BYTES } from '../../shared/limits.ts'
import { mayWriteDraft, type Role } from '../../shared/permissions.ts'
import { NoticeCode, type ProposalRecord } from '../../shared/draft/index.ts'
import { presenceColor, type PresenceUser } from '../../shared/presence.ts'
import type { Actor } from '../auth/Actor.ts'
import type { Logger } from '../logger.ts'
import type { AuditLog } from '../storage/audit.ts'
import {
  MalformedMessageError,
  UnknownMessageTypeError,
  parseIncomingMessage,
} from './incomingMessage.ts'
import { noticeMessage, syncStep1Message } from './messages.ts'
import type { Peer } from './Peer.ts'
import { decodeAwarenessUpdate } from './presence.ts'
import { recordNewProposals, readProposal } from './proposalRecords.ts'
import type { Room } from './Room.ts'
import type { WriterBudget } from './WriterBudget.ts'
import { judgeDraftChange } from '../policies/draftChange.ts'
import type { DraftChange } from './validation/draftChanges.ts'

let nextConnectionId = 1

/** Several processes: how long after a relayed update was lost the client is asked again. */
const RESYNC_DELAY_MS = 500

/**
 * One signed-in client's WebSocket in a room. Every message is parsed whole before it is acted
 * upon; a message that cannot be closes this connection only (with a code and a reason,
 * logged) and the room carries on. What the client may do is asked of its role each time, so a
 * role changed by the secretariat applies to the open connection at once.
 */
export class Connection implements Peer {
  readonly id = nextConnectionId++
  readonly awarenessIds = new Set<number>()
  readonly userId: number

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    readonly actor: Actor,
    private role: Role | null,
    readonly isDraftroomClient: boolean,
    private readonly services: {
      logger: Logger
      audit: AuditLog
      negotiationId: string
      now: () => Date
      /** Whether the draft is frozen (under silence, or adopted). */
      isFrozen: () => boolean
      /** Unread bytes held for this client beyond which it is dropped. */
      maxBacklogBytes: number
      budget: WriterBudget
      /** The colours of the negotiation's delegations, by code. */
      delegationColors: ReadonlyMap<string, string>
    },
  ) {
    this.userId = actor.userId
  }

  /** Joins the room and starts the y-websocket handshake (server sync step 1, presence). */
  start(): void {
    this.room.join(this)
    this.send(syncStep1Message(this.room.doc))
    const presence = this.room.awarenessStateMessage()
    if (presence) this.send(presence)
  }

  /** Applies a new role to the open connection (the secretariat changed it). */
  changeRole(role: Role): void {
    if (role === this.role) return
    this.role = role
    this.notify(NoticeCode.roleChanged, `Your role is now: ${role}.`)
  }

  handleMessage(data: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    if (data.length > MAX_COLLAB_MESSAGE_BYTES) {
      this.close('tooBig', `${data.length} bytes`)
      return
    }
    const { budget } = this.services
    if (!budget.charge(this.userId, 'bytes', data.length)) {
      this.close('writingTooFast', 'bytes')
      return
    }
    if (!budget.charge(this.userId, 'messages')) {
      this.close('writingTooFast', 'messages')
      return
    }
    let message
    try {
      message = parseIncomingMessage(data)
    } catch (error) {
      if (error instanceof UnknownMessageTypeError) this.close('unknownMessageType', error.message)
      else if (error instanceof MalformedMessageError) this.close('malformed', error.message)
      else throw error
      return
    }
    switch (message.type) {
      case 'syncStep1':
        if (!this.services.budget.charge(this.userId, 'requests')) {
          this.close('writingTooFast', 'sync requests')
          return
        }
        this.room.answerSyncStep1(this, message.stateVector).catch((error: unknown) => {
          this.services.logger.error({ err: error, room: this.room.name }, 'sync step 1 failed')
          this.close('internal')
        })
        return
      case 'update':
        this.handleUpdate(message.update)
        return
      case 'awareness':
        this.handlePresence(message.update)
        return
      case 'queryAwareness': {
        if (!this.services.budget.charge(this.userId, 'requests')) {
          this.close('writingTooFast', 'presence queries')
          return
        }
        const presence = this.room.awarenessStateMessage()
        if (presence) this.send(presence)
        return
      }
    }
  }

  private handleUpdate(update: Uint8Array): void {
    if (!mayWriteDraft(this.role)) {
      // A read-only client still answers the server's sync step 1, with an empty update.
      if (isEmptyUpdate(update)) return
      this.refuse(NoticeCode.readOnly, 'You may read this draft but not change it.')
      return
    }
    if (this.services.isFrozen()) {
      if (isEmptyUpdate(update)) return
      this.refuse(
        NoticeCode.frozen,
        'The text is frozen: a silence procedure runs, or it was adopted.',
      )
      return
    }
    if (this.room.isRelaying) {
      this.relayUpdate(update)
      return
    }
    const outcome = this.room.receiveUpdate(update, this, {
      judge: this.judgeChange,
      chargeItems: this.chargeItems,
    })
    switch (outcome.status) {
      case 'overBudget':
        this.close('writingTooFast', 'items')
        return
      case 'invalid':
        this.services.budget.charge(this.userId, 'refusals')
        this.close('invalidUpdate', outcome.message)
        return
      case 'setAside':
        // A client sends one after one of its updates was refused; a script, as often as it
        // likes: each costs a walk of the update, charged as a refusal.
        this.services.logger.debug({ room: this.room.name }, 'update set aside: unknown history')
        this.chargeRefusal()
        // An honest client's earlier update was lost on the way (a process that stopped, a
        // takeover): asked for what the room lacks, the stock client sends it all again.
        this.scheduleResync()
        return
      case 'refused':
        // The client must drop its local change: it reloads the draft from the server.
        this.refuse(NoticeCode.refusedChange, outcome.refusal.message)
        this.chargeRefusal()
        return
      case 'applied': {
        const created = recordNewProposals({
          doc: this.room.doc,
          changes: outcome.changes,
          author: { userId: this.actor.userId, name: this.actor.displayName },
          now: this.services.now(),
          transact: (write) => this.room.transactAsServer(write),
        })
        if (created.length > 0) this.auditProposalsMade(created)
        return
      }
    }
  }

  /**
   * Several processes, and another owns the document: the owner judges and commits the update
   * (see server/cluster). The items are charged here, where the writer's budget is kept.
   */
  private relayUpdate(update: Uint8Array): void {
    const items = countItems(update)
    if (items === null) {
      this.services.budget.charge(this.userId, 'refusals')
      this.close('invalidUpdate', 'not a Yjs update')
      return
    }
    if (!this.chargeItems(items)) {
      this.close('writingTooFast', 'items')
      return
    }
    const { displayName, delegation } = this.actor
    this.room
      .remote!.relayUpdate(update, {
        userId: this.userId,
        displayName,
        delegation,
        role: this.role,
      })
      .then((outcome) => {
        switch (outcome.status) {
          case 'applied':
            this.room.expectAck(this)
            return
          case 'refused':
            this.refuse(outcome.code, outcome.message)
            this.chargeRefusal()
            return
          case 'invalid':
            this.services.budget.charge(this.userId, 'refusals')
            this.close('invalidUpdate', outcome.message)
            return
          case 'setAside':
          case 'unavailable':
            // Lost on the way or ahead of what the owner has: the client sends it again.
            this.scheduleResync()
            return
        }
      })
      .catch((error: unknown) => {
        this.services.logger.error({ err: error, room: this.room.name }, 'relay failed')
        this.scheduleResync()
      })
  }

  private resyncTimer: NodeJS.Timeout | null = null

  private scheduleResync(): void {
    this.resyncTimer ??= setTimeout(() => {
      this.resyncTimer = null
      if (this.socket.readyState === this.socket.OPEN) this.room.requestSync([this])
    }, RESYNC_DELAY_MS)
  }

  // Made once per connection, not per message: the role is read when a change is judged.
  private readonly lookUpRecord = (id: string) => readProposal(this.room.doc, id)
  private readonly judgeChange = (change: DraftChange) =>
    judgeDraftChange(
      change,
      { role: this.role, delegation: this.actor.delegation },
      this.lookUpRecord,
    )
  private readonly chargeItems = (count: number) =>
    this.services.budget.charge(this.userId, 'items', count)

  private chargeRefusal(): void {
    if (!this.services.budget.charge(this.userId, 'refusals')) this.close('tooManyRefusals')
  }

  private handlePresence(update: Uint8Array): void {
    let entries
    try {
      entries = decodeAwarenessUpdate(update)
    } catch (error) {
      this.close('malformed', error instanceof Error ? error.message : undefined)
      return
    }
    switch (this.room.applyPresence(entries, this, this.presenceUser())) {
      case 'forged':
        this.refuse(
          NoticeCode.forgedPresence,
          'You may not change the presence of another participant.',
        )
        this.chargeRefusal()
        return
      case 'tooMany':
        this.close('malformed', 'too many presences on one connection')
        return
      case null:
        return
    }
  }

  private presenceUser(): PresenceUser {
    const { displayName, delegation } = this.actor
    return {
      name: displayName,
      delegation,
      role: this.role,
      color: presenceColor(delegation, this.role, this.services.delegationColors),
    }
  }

  // The negotiation's activity feed reads proposals made from the audit log.
  private auditProposalsMade(records: readonly ProposalRecord[]): void {
    const { negotiationId, audit, logger } = this.services
    audit
      .recordAll(
        records.map((record) => ({
          negotiationId,
          actor: this.actor,
          action: 'proposal.made',
          details: { proposalId: record.id, delegation: record.delegation },
          subject: { delegation: record.delegation, objectiveUid: record.objectiveUid },
        })),
      )
      .catch((error: unknown) => logger.error({ err: error }, 'audit failed'))
  }

  /** Refuses what the client sent: it is told why, and the attempt is in the audit log. */
  private refuse(code: string, message: string): void {
    this.notify(code, message)
    const { negotiationId, audit, logger } = this.services
    logger.warn(
      { room: this.room.name, connection: this.id, code, message },
      'refused client message',
    )
    audit
      .record({
        negotiationId,
        actor: this.actor,
        action: 'collab.refused',
        details: { code, message },
      })
      .catch((error: unknown) => logger.error({ err: error }, 'audit failed'))
  }

  private notify(code: string, message: string): void {
    if (this.isDraftroomClient) this.send(noticeMessage({ code, message }))
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    if (this.socket.bufferedAmount > this.services.maxBacklogBytes) {
      this.dropUnreadClient()
      return
    }
    this.socket.send(message, (error) => {
      if (error) this.socket.terminate()
    })
  }

  /**
   * A client that does not read (stalled, or hostile) would make the server hold every message
   * of the room for it. A close frame would queue behind that backlog, so the socket is dropped
   * at once; a stalled client reconnects and syncs what it lacks.
   */
  private dropUnreadClient(): void {
    this.services.logger.warn(
      {
        room: this.room.name,
        connection: this.id,
        userId: this.userId,
        backlogBytes: this.socket.bufferedAmount,
      },
      'dropping a client that does not read its messages',
    )
    this.socket.terminate()
  }

  close(reasonName: CloseReasonName, detail?: string): void {
    const { code, reason } = CloseReason[reasonName]
    this.services.logger.warn(
      { room: this.room.name, connection: this.id, code, reason, detail },
      'closing collaboration connection',
    )
    this.socket.close(code, reason)
  }
}

/** The structs and deleted ranges of an update, or null when it is not one. */
function countItems(update: Uint8Array): number | null {
  try {
    const { structs, ds } = Y.decodeUpdate(update)
    let count = structs.length
    for (const ranges of ds.clients.values()) count += ranges.length
    return count
  } catch {
    return null
  }
}

function isEmptyUpdate(update: Uint8Array): boolean {
  try {
    const { structs, ds } = Y.decodeUpdate(update)
    return structs.length === 0 && ds.clients.size === 0
  } catch {
    return false
  }
}
