import { describe, expect, it } from 'vitest'
import { presenceOf } from '../../../client/src/auth/presence.ts'
import { NEUTRAL_COLOR } from '../../../shared/presence.ts'

const COLORS = new Map([['FRA', '#1b5e20']])

const france = {
  id: 4,
  username: 'fra',
  displayName: 'Délégation de la France',
  delegation: 'FRA',
  isSecretariat: false,
}

describe('presenceOf', () => {
  it('shows the signed-in user by display name, delegation and their role’s colour', () => {
    expect(presenceOf(france, 'delegation', COLORS)).toEqual({
      name: 'Délégation de la France',
      delegation: 'FRA',
      color: '#1b5e20',
    })
  })

  it('colours a user by their role in the negotiation, not by their delegation alone', () => {
    expect(presenceOf(france, 'observer', COLORS).color).toBe(NEUTRAL_COLOR)
    const secretariat = { ...france, displayName: 'Secrétariat', delegation: null }
    expect(presenceOf(secretariat, null, COLORS)).toEqual({
      name: 'Secrétariat',
      delegation: null,
      color: NEUTRAL_COLOR,
    })
  })
})
