import { describe, expect, it } from 'vitest'
import {
  CO_FACILITATORS_COLOR,
  DELEGATION_PALETTE,
  NEUTRAL_COLOR,
  delegationColorAt,
  presenceColor,
} from '../../shared/presence.ts'

// WCAG 2 relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05)

describe('presence colours', () => {
  it('give the first delegations of a negotiation distinct colours, then repeat the palette', () => {
    const first = DELEGATION_PALETTE.map((_, index) => delegationColorAt(index))
    expect(new Set(first).size).toBe(DELEGATION_PALETTE.length)
    expect(delegationColorAt(DELEGATION_PALETTE.length)).toBe(delegationColorAt(0))
  })

  it('colour a user by role: delegations their own, co-facilitators one, the others grey', () => {
    const colors = new Map([['FRA', delegationColorAt(3)]])
    expect(presenceColor('FRA', 'delegation', colors)).toBe(delegationColorAt(3))
    expect(presenceColor('MEX', 'coFacilitator', colors)).toBe(CO_FACILITATORS_COLOR)
    expect(presenceColor('CHE', 'coFacilitator', colors)).toBe(CO_FACILITATORS_COLOR)
    expect(presenceColor(null, 'observer', colors)).toBe(NEUTRAL_COLOR)
    expect(presenceColor(null, 'secretariat', colors)).toBe(NEUTRAL_COLOR)
    expect(presenceColor('FRA', null, colors)).toBe(NEUTRAL_COLOR)
    // A delegation not seated in the negotiation has no colour there.
    expect(presenceColor('ARG', 'delegation', colors)).toBe(NEUTRAL_COLOR)
    expect(DELEGATION_PALETTE).not.toContain(CO_FACILITATORS_COLOR)
  })

  it('keep white caret labels readable (WCAG AA, 4.5:1)', () => {
    for (const color of [...DELEGATION_PALETTE, CO_FACILITATORS_COLOR, NEUTRAL_COLOR]) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/)
      expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5)
    }
  })
})
