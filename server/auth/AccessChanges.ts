/**
 * Announces that a user's access changed (deactivated, role changed, password reset), so that
 * open WebSocket connections are re-authorized at once rather than at their next reconnect.
 */
export class AccessChanges {
  private readonly listeners = new Set<(userId: number) => void>()

  subscribe(listener: (userId: number) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  announce(userId: number): void {
    for (const listener of this.listeners) listener(userId)
  }
}
