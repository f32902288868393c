import type { Role } from './permissions.ts'

/**
 * Presence (awareness) identity: stamped by the server from the authenticated user, so that no
 * client can show itself as another user or delegation.
 */
export interface PresenceUser {
  name: string
  delegation: string | null
  role: Role | null
  color: string
}

/**
 * Caret and label colours. Each carries white 12px label text at a contrast of at least 4.5:1
 * (WCAG AA), and the hues are spread so that neighbouring carets stay distinguishable.
 */
export const DELEGATION_PALETTE = [
  '#b3261e',
  '#1b5e20',
  '#6a1b9a',
  '#a04000',
  '#0d47a1',
  '#ad1457',
  '#00695c',
  '#5d4037',
  '#4527a0',
  '#827717',
  '#37474f',
  '#880e4f',
] as const

/** The co-facilitators' own colour: the UN blue, darkened for legible white text. */
export const CO_FACILITATORS_COLOR = '#00639a'
/** Secretariat and observers, who write nothing, in a quiet grey. */
export const NEUTRAL_COLOR = '#546e7a'

// FNV-1a: stable across browsers and sessions, so a delegation has the same colour for everyone.
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The colour of a delegation, the same on every screen. */
export function delegationColor(delegation: string): string {
  return DELEGATION_PALETTE[hash(delegation) % DELEGATION_PALETTE.length] ?? NEUTRAL_COLOR
}

/** The presence colour of a user: co-facilitators share one, delegations have their own. */
export function presenceColor(delegation: string | null, role: Role | null): string {
  if (role === 'coFacilitator') return CO_FACILITATORS_COLOR
  if (delegation && role === 'delegation') return delegationColor(delegation)
  return NEUTRAL_COLOR
}
