import { CO_FACILITATORS } from './identity.ts'

/**
 * Caret and label colours. Each carries white 12px label text at a contrast of at least 4.5:1
 * (WCAG AA), and the hues are spread so that neighbouring carets stay distinguishable.
 */
export const DELEGATION_PALETTE = [
  '#b3261e', // red
  '#1b5e20', // green
  '#6a1b9a', // purple
  '#a04000', // burnt orange
  '#0d47a1', // deep blue
  '#ad1457', // magenta
  '#00695c', // teal
  '#5d4037', // brown
  '#4527a0', // indigo
  '#827717', // olive
  '#37474f', // slate
  '#880e4f', // wine
] as const

/** The co-facilitators' own colour: the UN blue, darkened for legible white text. */
export const CO_FACILITATORS_COLOR = '#00639a'

// FNV-1a: stable across browsers and sessions, so a delegation has the same colour for everyone.
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The colour of a delegation (or of the co-facilitators), the same on every screen. */
export function delegationColor(delegation: string): string {
  if (delegation === CO_FACILITATORS) return CO_FACILITATORS_COLOR
  return DELEGATION_PALETTE[hash(delegation) % DELEGATION_PALETTE.length] ?? '#37474f'
}
