import { describe, expect, it } from 'vitest'
import {
  CO_FACILITATORS_COLOR,
  DELEGATION_PALETTE,
  NEUTRAL_COLOR,
  delegationColor,
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
  it('give a delegation the same colour on every screen', () => {
    expect(delegationColor('FRA')).toBe(delegationColor('FRA'))
    const codes = ['FRA', 'MAR', 'PHL', 'DEU', 'BRA', 'EGY', 'MEX', 'CHE']
    codes.forEach((code) => expect(DELEGATION_PALETTE).toContain(delegationColor(code)))
    expect(new Set(codes.map(delegationColor)).size).toBeGreaterThan(3)
  })

  it('colour a user by role: delegations their own, co-facilitators one, the others grey', () => {
    expect(presenceColor('FRA', 'delegation')).toBe(delegationColor('FRA'))
    expect(presenceColor('MEX', 'coFacilitator')).toBe(CO_FACILITATORS_COLOR)
    expect(presenceColor('CHE', 'coFacilitator')).toBe(CO_FACILITATORS_COLOR)
    expect(presenceColor(null, 'observer')).toBe(NEUTRAL_COLOR)
    expect(presenceColor(null, 'secretariat')).toBe(NEUTRAL_COLOR)
    expect(presenceColor('FRA', null)).toBe(NEUTRAL_COLOR)
    expect(DELEGATION_PALETTE).not.toContain(CO_FACILITATORS_COLOR)
  })

  it('keep white caret labels readable (WCAG AA, 4.5:1)', () => {
    for (const color of [...DELEGATION_PALETTE, CO_FACILITATORS_COLOR, NEUTRAL_COLOR]) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/)
      expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5)
    }
  })
})
