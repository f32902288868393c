import { describe, expect, it } from 'vitest'
import { en } from '../../../client/src/i18n/en.ts'
import { fr } from '../../../client/src/i18n/fr.ts'
import type { Messages } from '../../../client/src/i18n/messages.ts'

/** Every leaf string of a message table, functions called with sample arguments. */
function leaves(messages: Messages): Record<string, string> {
  const out: Record<string, string> = {}
  const visit = (prefix: string, value: unknown) => {
    if (typeof value === 'string') out[prefix] = value
    else if (typeof value === 'function') out[prefix] = String((value as (n: number) => unknown)(7))
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visit(`${prefix}.${key}`, inner)
    }
  }
  visit('', messages)
  return out
}

describe('UI strings', () => {
  it('exist in French and English for the same keys, none empty', () => {
    const french = leaves(fr)
    const english = leaves(en)
    expect(Object.keys(english).sort()).toEqual(Object.keys(french).sort())
    for (const text of [...Object.values(french), ...Object.values(english)]) {
      expect(text.trim()).not.toBe('')
    }
  })

  it('write the objective heading in each language’s typography', () => {
    expect(fr.objectiveHeading(7)).toBe('Objectif 7\u00a0: ')
    expect(en.objectiveHeading(7)).toBe('Objective 7: ')
    expect(fr.connection.connected).toBe('Connecté')
    expect(en.connection.connected).toBe('Connected')
  })
})
