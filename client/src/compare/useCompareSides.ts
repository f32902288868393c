import { useEffect } from 'react'
import type { RevisionSummary } from '../../../shared/revisions.ts'
import { comparePath, compareSidesOf, replaceRoute, useSearch } from '../routes.ts'
import { LIVE } from '../api/revisions.ts'

export interface CompareSides {
  from: string
  to: string
}

interface RequestedSides {
  from: string | null
  to: string | null
}

/**
 * The two texts compared, kept in the address (`?from=&to=`) so that a comparison can be shared.
 * What the address leaves out defaults to the latest revision against the live draft.
 */
export function useCompareSides(
  negotiationId: string,
  revisions: readonly RevisionSummary[] | null,
): { sides: CompareSides | null; choose: (sides: CompareSides) => void } {
  // Back and forward between two comparisons stay on this page: the address is read again.
  const requested: RequestedSides = compareSidesOf(useSearch())

  let sides: CompareSides | null = null
  if (revisions) {
    const to = requested.to ?? LIVE
    const from = requested.from ?? revisions.filter((r) => r.id !== to).at(-1)?.id
    if (from !== undefined) sides = { from, to }
  }

  const from = sides?.from
  const to = sides?.to
  useEffect(() => {
    // Defaults chosen here go into the address too, so that it names what is on screen.
    if (from === undefined || to === undefined) return
    replaceRoute(comparePath(negotiationId, { from, to }))
  }, [negotiationId, from, to])

  const choose = (next: CompareSides) => replaceRoute(comparePath(negotiationId, next))
  return { sides, choose }
}
