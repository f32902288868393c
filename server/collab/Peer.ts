import type { CloseReasonName } from '../../shared/collabProtocol.ts'

/** What a room needs of a connected client. */
export interface Peer {
  readonly id: number
  /** The authenticated user: presence ids pass between connections of the same user only. */
  readonly userId: number
  /** Whether the client asked for Draftroom's own messages (saved state, notices). */
  readonly isDraftroomClient: boolean
  /** The awareness client ids this peer has announced, removed when it leaves. */
  readonly awarenessIds: Set<number>
  send(message: Uint8Array): void
  close(reason: CloseReasonName, detail?: string): void
}
