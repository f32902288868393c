import { z } from 'zod'
import { fetchJson } from './fetchJson.ts'

// `/healthz` is public; a server in demo mode is to say so there (`demo: true`).
const HealthDemo = z.object({ demo: z.boolean().optional() })

/** Whether the server says it runs the demo; null when it does not say. */
export const fetchIsDemo = async (): Promise<boolean | null> =>
  (await fetchJson('/healthz', HealthDemo)).demo ?? null
