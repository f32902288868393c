import type { RoomRegistry } from './collab/RoomRegistry.ts'
import type { Logger } from './logger.ts'
import type { DocumentStore } from './storage/DocumentStore.ts'
import type { NegotiationRepository } from './storage/negotiations.ts'

/** The services every route and command is given (no module-level singletons). */
export interface AppContext {
  logger: Logger
  store: DocumentStore
  negotiations: NegotiationRepository
  rooms: RoomRegistry
  startedAt: number
}
