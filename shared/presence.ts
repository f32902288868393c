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

/**
 * The colour of a delegation in a negotiation, from the palette index it was given when it
 * joined (`negotiation_delegations.color_index`): distinct for the first
 * DELEGATION_PALETTE.length delegations, then the palette repeats (the code beside every colour
 * still tells them apart).
 */
export function delegationColorAt(index: number): string {
  return DELEGATION_PALETTE[index % DELEGATION_PALETTE.length] ?? NEUTRAL_COLOR
}

/**
 * The presence colour of a user: co-facilitators share one, a delegation has its colour in the
 * negotiation (`colors`, by delegation code), everyone else the neutral grey.
 */
export function presenceColor(
  delegation: string | null,
  role: Role | null,
  colors: ReadonlyMap<string, string>,
): string {
  if (role === 'coFacilitator') return CO_FACILITATORS_COLOR
  if (delegation && role === 'delegation') return colors.get(delegation) ?? NEUTRAL_COLOR
  return NEUTRAL_COLOR
}

/** The colours of a negotiation's delegations, by code, as its detail gives them. */
export const colorsOf = (
  delegations: readonly { code: string; color: string }[],
): Map<string, string> => new Map(delegations.map(({ code, color }) => [code, color]))
