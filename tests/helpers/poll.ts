export interface RetryOptions {
  /** How long the assertion may keep failing before its last error is thrown. */
  timeoutMs?: number
  /** The pause between two attempts. */
  intervalMs?: number
}

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_INTERVAL_MS = 50

/**
 * Runs `assertion` until it stops throwing and returns its result; after `timeoutMs` throws the
 * last error, so a failing test reports what was still wrong rather than a bare timeout.
 * For conditions that become true eventually (another browser's view, a saved indicator):
 * polling with a deadline instead of sleeping (Hocuspocus `tests/utils/retryableAssertion.ts`).
 */
export async function retryableAssertion<T>(
  assertion: () => T | Promise<T>,
  { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = DEFAULT_INTERVAL_MS }: RetryOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await assertion()
    } catch (error) {
      if (Date.now() + intervalMs > deadline) {
        if (error instanceof Error) {
          error.message = `${error.message}\n(still failing after ${timeoutMs} ms)`
        }
        throw error
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
