/** Longest a refresh waits for an idle moment: someone typing without a pause still sees it. */
const IDLE_TIMEOUT_MS = 500

/**
 * Runs `refresh` once, `delayMs` from now or later, when the browser is idle: after the frame
 * that shows the latest keystroke rather than between a keystroke and its paint, where a panel
 * of hundreds of proposals being redrawn made that keystroke late. Returns a cancel function.
 */
export function refreshWhenIdle(refresh: () => void, delayMs: number): () => void {
  let idle: number | null = null
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') {
      idle = requestIdleCallback(refresh, { timeout: IDLE_TIMEOUT_MS })
    } else refresh()
  }, delayMs)
  return () => {
    clearTimeout(timer)
    if (idle !== null) cancelIdleCallback(idle)
  }
}
