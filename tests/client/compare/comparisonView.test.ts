import { describe, expect, it } from 'vitest'
import {
  changeStops,
  objectiveNumberOf,
  outlineOf,
  segmentsOf,
  textOf,
} from '../../../client/src/compare/comparisonView.ts'
import { compareDrafts } from '../../../shared/compare/index.ts'
import type { DraftJSON } from '../../../shared/numbering.ts'
import { action, compact, objective } from '../../shared/draftFixtures.ts'

/** The compact with three objectives, objective 2's first action worded `wording`. */
function draftWith(wording: string): DraftJSON {
  const second = objective('o2', 2)
  second.content?.splice(2, 1, action('o2-action-0', wording))
  return compact([objective('o1', 2), second, objective('o3', 1)])
}

describe('the comparison view', () => {
  const comparison = compareDrafts(
    draftWith('Examiner les politiques qui accroissent involontairement la vulnérabilité.'),
    draftWith('Examiner les politiques qui accroissent directement la vulnérabilité.'),
  )

  it('outlines the objectives, only the changed one with its counts and first change', () => {
    const objectives = outlineOf(comparison.paragraphs, comparison.summary).flatMap(
      (section) => section.objectives,
    )
    expect(objectives.map(({ number, title }) => ({ number, title }))).toEqual([
      { number: 1, title: 'Titre o1' },
      { number: 2, title: 'Titre o2' },
      { number: 3, title: 'Titre o3' },
    ])
    expect(objectives.map(({ changes }) => changes !== null)).toEqual([false, true, false])
    const [stop] = changeStops(comparison.paragraphs)
    expect(changeStops(comparison.paragraphs)).toHaveLength(1)
    expect(objectives[1]?.firstChange).toBe(stop)
    expect(comparison.paragraphs[stop ?? -1]?.fromUid).toBe('o2-action-0')
  })

  it('gives each side its own words: the old text the removed ones, the new the added ones', () => {
    const changed = comparison.paragraphs.find(({ status }) => status === 'changed')
    const diff = changed?.diff ?? []
    expect(textOf(diff, 'from')).toBe(
      'Examiner les politiques qui accroissent involontairement la vulnérabilité.',
    )
    expect(textOf(diff, 'to')).toBe(
      'Examiner les politiques qui accroissent directement la vulnérabilité.',
    )
    expect(segmentsOf(diff, 'from').some(([op]) => op === 1)).toBe(false)
    expect(segmentsOf(diff, 'to').some(([op]) => op === -1)).toBe(false)
  })

  it('reads the objective number in a label of either language', () => {
    expect(objectiveNumberOf('Objectif 7')).toBe(7)
    expect(objectiveNumberOf('Objective 23')).toBe(23)
    expect(objectiveNumberOf(null)).toBeNull()
  })
})
