import { describe, expect, it } from 'vitest'
import { proposalsEn } from '../../../client/src/proposals/messagesEn.ts'
import { proposalsFr } from '../../../client/src/proposals/messagesFr.ts'

/** Every leaf string of a message table, functions called with sample arguments. */
function leaves(messages: object): Record<string, string> {
  const out: Record<string, string> = {}
  const visit = (prefix: string, value: unknown) => {
    if (typeof value === 'string') out[prefix] = value
    else if (typeof value === 'function')
      out[prefix] = String((value as (n: unknown) => unknown)(2))
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visit(`${prefix}.${key}`, inner)
    }
  }
  visit('', messages)
  return out
}

describe('the proposals’ strings', () => {
  it('exist in French and English for the same keys, none empty', () => {
    const french = leaves(proposalsFr)
    const english = leaves(proposalsEn)
    expect(Object.keys(english).sort()).toEqual(Object.keys(french).sort())
    for (const text of [...Object.values(french), ...Object.values(english)]) {
      expect(text.trim()).not.toBe('')
    }
  })

  it('follow French typography', () => {
    expect(proposalsFr.supporters).toBe('Soutenue par\u00a0:')
    expect(proposalsFr.confirmAll('accept', 3)).toMatch(/\u00a0\?$/)
    expect(proposalsFr.proposalOf('FRA')).toBe('Proposition FRA')
  })
})
