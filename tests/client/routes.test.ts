import { describe, expect, it } from 'vitest'
import {
  compareSidesOf,
  comparePath,
  negotiationIdFromPath,
  routeOf,
} from '../../client/src/routes.ts'

describe('the client’s addresses', () => {
  it('name the page and the negotiation, and nothing else', () => {
    expect(routeOf('/negotiations/pacte-mondial/revisions')).toEqual({
      page: 'revisions',
      negotiationId: 'pacte-mondial',
    })
    expect(routeOf('/negotiations/pacte-mondial/compare/')).toEqual({
      page: 'compare',
      negotiationId: 'pacte-mondial',
    })
    expect(routeOf('/negotiations/pacte%20mondial')).toEqual({
      page: 'room',
      negotiationId: 'pacte mondial',
    })
    expect(routeOf('/console')).toEqual({ page: 'console' })
    expect(routeOf('/')).toEqual({ page: 'home' })
    expect(routeOf('/negotiations/a/b/c')).toEqual({ page: 'other' })
    expect(negotiationIdFromPath('/negotiations/pacte-mondial/revisions')).toBeNull()
    expect(negotiationIdFromPath('/negotiations/pacte-mondial')).toBe('pacte-mondial')
  })

  it('keep the two compared texts in the query', () => {
    expect(comparePath('pacte-mondial', { from: 'rev-abc123', to: 'live' })).toBe(
      '/negotiations/pacte-mondial/compare?from=rev-abc123&to=live',
    )
    expect(comparePath('pacte-mondial')).toBe('/negotiations/pacte-mondial/compare')
    expect(compareSidesOf('?from=rev-abc123&to=live')).toEqual({ from: 'rev-abc123', to: 'live' })
    expect(compareSidesOf('')).toEqual({ from: null, to: null })
  })
})
