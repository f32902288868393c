import { useState } from 'react'
import { blockId } from './ComparedBlock.tsx'

/** Brings a block of the comparison into the middle of the window. */
export function scrollToBlock(index: number): void {
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  document
    .getElementById(blockId(index))
    ?.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' })
}

/**
 * Next / previous change: `stops` are the indexes of the changed blocks; the current one is
 * highlighted and scrolled to. Going to any block (from the outline) moves the current change.
 */
export function useChangeNavigation(stops: readonly number[]) {
  const [chosen, setChosen] = useState<number | null>(null)
  // After the comparison is refreshed, a block that no longer differs is no longer a stop.
  const current = chosen !== null && stops.includes(chosen) ? chosen : null
  const position = current === null ? 0 : stops.indexOf(current) + 1

  const goTo = (index: number) => {
    setChosen(stops.includes(index) ? index : null)
    scrollToBlock(index)
  }
  const next = stops.find((stop) => current === null || stop > current)
  const previous = current === null ? undefined : stops.findLast((stop) => stop < current)

  return {
    current,
    /** 1-based position of the current change among the changes; 0 before the first. */
    position,
    goTo,
    goToNext: next === undefined ? null : () => goTo(next),
    goToPrevious: previous === undefined ? null : () => goTo(previous),
  }
}
