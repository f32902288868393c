import { describe, expect, it } from 'vitest'
import { nextSymbol } from '../../../client/src/revisions/nextSymbol.ts'

describe('the next symbol', () => {
  it('follows the last Rev.n, or starts at Rev.1', () => {
    expect(nextSymbol(['Avant-projet'])).toBe('Rev.1')
    expect(nextSymbol(['Avant-projet', 'Rev.1', 'Rev.2'])).toBe('Rev.3')
    expect(nextSymbol([])).toBe('Rev.1')
  })
})
