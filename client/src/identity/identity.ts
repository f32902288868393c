import { z } from 'zod'

/** The value of the identity dialog's co-facilitators option: not a country code. */
export const CO_FACILITATORS = 'COFAC'

/**
 * Who is typing, until sign-in lands: a name and the delegation the user speaks for
 * (an ISO 3166-1 alpha-3 code, or the co-facilitators). The server will stamp the real one.
 */
export const Identity = z.object({
  name: z.string().trim().min(1).max(80),
  delegation: z.union([z.string().regex(/^[A-Z]{3}$/), z.literal(CO_FACILITATORS)]),
})
export type Identity = z.infer<typeof Identity>

const STORAGE_KEY = 'draftroom.identity'

/** The identity chosen on this browser, if any. */
export function loadIdentity(): Identity | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    const parsed = Identity.safeParse(raw ? JSON.parse(raw) : null)
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function saveIdentity(identity: Identity): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(identity))
  } catch {
    // Storage refused: the identity holds until the page is closed.
  }
}

export function forgetIdentity(): void {
  try {
    localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Nothing stored, nothing to forget.
  }
}
