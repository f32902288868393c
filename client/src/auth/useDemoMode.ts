import { useEffect, useState } from 'react'
import { z } from 'zod'

// `/healthz` is public; a server in demo mode is to say so there (`demo: true`).
const HealthDemo = z.object({ demo: z.boolean().optional() })

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname)

/**
 * Whether the server runs the demo (its accounts use the password `demo`), to say so under the
 * sign-in form. Until the server reports it, a server on this machine is taken to be the demo:
 * a deployed one never shows the demo accounts.
 */
export function useDemoMode(): boolean {
  const [isDemo, setIsDemo] = useState(() => isLoopback(location.hostname))
  useEffect(() => {
    let isCurrent = true
    fetch('/healthz', { headers: { accept: 'application/json' } })
      .then((response) => response.json())
      .then((body: unknown) => {
        const parsed = HealthDemo.safeParse(body)
        if (isCurrent && parsed.success && parsed.data.demo !== undefined) {
          setIsDemo(parsed.data.demo)
        }
      })
      .catch(() => undefined)
    return () => {
      isCurrent = false
    }
  }, [])
  return isDemo
}
