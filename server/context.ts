import type { AccessChanges } from './auth/AccessChanges.ts'
import type { ClusterNode } from './cluster/ClusterNode.ts'
import type { AttemptLimiter } from './auth/RateLimiter.ts'
import type { RoomRegistry } from './collab/RoomRegistry.ts'
import type { WriterBudget } from './collab/WriterBudget.ts'
import type { ImportWorkers } from './revisions/import/ImportWorkers.ts'
import type { SilenceService } from './silence/SilenceService.ts'
import type { Logger } from './logger.ts'
import type { DocumentStore } from './storage/DocumentStore.ts'
import type { StorageKind } from './storage/StorageKind.ts'
import type { ActivityRepository } from './storage/activity.ts'
import type { AuditLog } from './storage/audit.ts'
import type { NegotiationRepository } from './storage/negotiations.ts'
import type { RevisionRepository } from './storage/revisions.ts'
import type { RoundRepository } from './storage/rounds.ts'
import type { CredentialRepository } from './storage/sessions.ts'
import type { UserRepository } from './storage/users.ts'

/** The services every route and command is given (no module-level singletons). */
export interface AppContext {
  logger: Logger
  /** Which database holds everything (`GET /healthz` says it). */
  storageKind: StorageKind
  store: DocumentStore
  negotiations: NegotiationRepository
  rooms: RoomRegistry
  users: UserRepository
  credentials: CredentialRepository
  audit: AuditLog
  /** The audit log read as each negotiation's activity feed. */
  activity: ActivityRepository
  revisions: RevisionRepository
  rounds: RoundRepository
  silence: SilenceService
  /** Reads imported revision files in worker threads. */
  imports: ImportWorkers
  accessChanges: AccessChanges
  loginLimiter: AttemptLimiter
  sessionTtlMs: number
  /** What each user may cost the collaboration server per minute. */
  writerBudget: WriterBudget
  /** Origins besides the server's own whose pages may open the collaboration WebSocket. */
  allowedOrigins: ReadonlySet<string>
  /** Unread bytes the collaboration server holds per client before dropping it. */
  maxClientBacklogBytes: number
  /** The server's clock; injected so that tests can move it. */
  now: () => Date
  startedAt: number
  /** Several processes (REDIS_URL): this process in the cluster; null on one process. */
  cluster: ClusterNode | null
  /** Set when a shutdown begins: the readiness answer turns 503 for load balancers. */
  lifecycle: { isClosing: boolean }
  /** Demo mode: the published demo accounts exist (the sign-in page lists them). */
  isDemo: boolean
}
