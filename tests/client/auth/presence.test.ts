import { describe, expect, it } from 'vitest'
import { presenceOf } from '../../../client/src/auth/presence.ts'
import { presenceColor } from '../../../shared/presence.ts'

const france = {
  id: 4,
  username: 'fra',
  displayName: 'Délégation de la France',
  delegation: 'FRA',
  isSecretariat: false,
}

describe('presenceOf', () => {
  it('shows the signed-in user by display name, delegation and their role’s colour', () => {
    expect(presenceOf(france, 'delegation')).toEqual({
      name: 'Délégation de la France',
      delegation: 'FRA',
      color: presenceColor('FRA', 'delegation'),
    })
  })

  it('colours a user by their role in the negotiation, not by their delegation alone', () => {
    expect(presenceOf(france, 'observer').color).toBe(presenceColor('FRA', 'observer'))
    const secretariat = { ...france, displayName: 'Secrétariat', delegation: null }
    expect(presenceOf(secretariat, null)).toEqual({
      name: 'Secrétariat',
      delegation: null,
      color: presenceColor(null, null),
    })
  })
})
