import { clearDocument } from 'y-indexeddb'
import { forgetCachedNegotiations } from '../api/negotiations.ts'

/**
 * Deletes what this device keeps of the drafts: the cached negotiation details and the offline
 * copies in IndexedDB. On sign-out, and before another user signs in on the same browser, so
 * that one user's unsent changes are never sent in another's name.
 */
export async function forgetOfflineData(): Promise<void> {
  const roomNames = forgetCachedNegotiations()
  await Promise.all(roomNames.map((roomName) => clearDocument(roomName).catch(() => undefined)))
}
