import { describe, expect, it } from 'vitest'
import { userLabel } from '../../../client/src/header/userLabel.ts'
import { en } from '../../../client/src/i18n/en.ts'
import { fr } from '../../../client/src/i18n/fr.ts'

const user = (displayName: string, delegation: string | null) => ({
  id: 1,
  username: 'x',
  displayName,
  delegation,
  isSecretariat: false,
})

describe('userLabel', () => {
  it('says who the user is, their delegation and their role here, in the UI language', () => {
    const france = user('Délégation de la France', 'FRA')
    expect(userLabel(france, 'delegation', fr)).toBe('Délégation de la France — FRA — délégation')
    expect(userLabel(france, 'delegation', en)).toBe('Délégation de la France — FRA — delegation')
    expect(userLabel(user('Jürg Lauber', 'CHE'), 'coFacilitator', fr)).toBe(
      'Jürg Lauber — CHE — co-facilitateur',
    )
  })

  it('leaves out a delegation the user does not have, and says when there is no role', () => {
    expect(userLabel(user('OIM (observateur)', null), 'observer', fr)).toBe(
      'OIM (observateur) — observateur',
    )
    expect(userLabel(user('Secrétariat', null), null, en)).toBe('Secrétariat — no role')
  })
})
