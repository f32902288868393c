import { z } from 'zod'

// The body of a `notice` message (shared/collabProtocol.ts describes it as `{ code, message }`);
// to move to shared/ when the server adopts it, so that both sides parse one schema.
export const Notice = z.object({ code: z.string(), message: z.string() })
export type Notice = z.infer<typeof Notice>

/** Parses a notice's JSON text; anything unreadable becomes a generic notice, not a crash. */
export function parseNotice(text: string): Notice {
  try {
    const parsed = Notice.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // Fall through: not JSON.
  }
  return { code: 'unreadable', message: text.slice(0, 200) }
}
