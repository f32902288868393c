import { fetchIsDemo } from '../api/health.ts'
import { useRequest } from '../api/useRequest.ts'

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname)

/**
 * Whether the server runs the demo (its accounts use the password `demo`), to say so under the
 * sign-in form. Until the server reports it, a server on this machine is taken to be the demo:
 * a deployed one never shows the demo accounts.
 */
export function useDemoMode(): boolean {
  const health = useRequest('healthz', fetchIsDemo)
  if (health.status === 'ready' && health.value !== null) return health.value
  return isLoopback(location.hostname)
}
