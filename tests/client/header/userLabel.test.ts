import { describe, expect, it } from 'vitest'
import { userLabel } from '../../../client/src/header/userLabel.ts'
import { accountsEn } from '../../../client/src/account/messagesEn.ts'
import { accountsFr } from '../../../client/src/account/messagesFr.ts'

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
    expect(userLabel(france, 'delegation', accountsFr)).toBe(
      'Délégation de la France — FRA — délégation',
    )
    expect(userLabel(france, 'delegation', accountsEn)).toBe(
      'Délégation de la France — FRA — delegation',
    )
    expect(userLabel(user('Jürg Lauber', 'CHE'), 'coFacilitator', accountsFr)).toBe(
      'Jürg Lauber — CHE — co-facilitateur',
    )
  })

  it('leaves out a delegation the user does not have, and says when there is no role', () => {
    expect(userLabel(user('OIM (observateur)', null), 'observer', accountsFr)).toBe(
      'OIM (observateur) — observateur',
    )
    expect(userLabel(user('Secrétariat', null), null, accountsEn)).toBe('Secrétariat — no role')
  })
})
