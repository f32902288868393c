import { describe, expect, it } from 'vitest'
import { nextSymbol } from '../../../client/src/revisions/nextSymbol.ts'
import { comparePath, revisionsRouteOf } from '../../../client/src/revisions/revisionPaths.ts'

describe('the revisions pages’ addresses', () => {
  it('name the negotiation and the page, and nothing else', () => {
    expect(revisionsRouteOf('/negotiations/pacte-mondial/revisions')).toEqual({
      negotiationId: 'pacte-mondial',
      view: 'revisions',
    })
    expect(revisionsRouteOf('/negotiations/pacte-mondial/compare/')).toEqual({
      negotiationId: 'pacte-mondial',
      view: 'compare',
    })
    expect(revisionsRouteOf('/negotiations/pacte-mondial')).toBeNull()
    expect(revisionsRouteOf('/console')).toBeNull()
  })

  it('keep the two compared texts in the query', () => {
    expect(comparePath('pacte-mondial', { from: 'rev-abc123', to: 'live' })).toBe(
      '/negotiations/pacte-mondial/compare?from=rev-abc123&to=live',
    )
    expect(comparePath('pacte-mondial')).toBe('/negotiations/pacte-mondial/compare')
  })
})

describe('the next symbol', () => {
  it('follows the last Rev.n, or starts at Rev.1', () => {
    expect(nextSymbol(['Avant-projet'])).toBe('Rev.1')
    expect(nextSymbol(['Avant-projet', 'Rev.1', 'Rev.2'])).toBe('Rev.3')
    expect(nextSymbol([])).toBe('Rev.1')
  })
})
