import type { CloseReasonName } from '../../shared/collabProtocol.ts'

/** What a room needs of a connected client. */
export interface Peer {
  readonly id: number
  /** Whether the client asked for Draftroom's own messages (saved state, notices). */
  readonly isDraftroomClient: boolean
  /** The awareness client ids this peer has announced, removed when it leaves. */
  readonly awarenessIds: Set<number>
  send(message: Uint8Array): void
  close(reason: CloseReasonName, detail?: string): void
}
