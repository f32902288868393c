import { describe, expect, it } from 'vitest'
import { RefusalBudget } from '../../../server/collab/RefusalBudget.ts'

describe('the budget of refused changes', () => {
  it('allows the limit within the window, then refuses, and allows again once it has passed', () => {
    let now = 0
    const budget = new RefusalBudget(3, 60_000, () => now)
    expect([budget.spend(1), budget.spend(1), budget.spend(1)]).toEqual([true, true, true])
    expect(budget.spend(1)).toBe(false)
    // Another user has a budget of their own.
    expect(budget.spend(2)).toBe(true)
    now = 59_999
    expect(budget.spend(1)).toBe(false)
    // A minute after the first refusals they no longer count; the one at 59,999 ms still does.
    now = 60_000 + 59_998
    expect([budget.spend(1), budget.spend(1), budget.spend(1)]).toEqual([true, true, false])
  })

  it('keeps a bounded memory of a user who keeps being refused', () => {
    let now = 0
    const budget = new RefusalBudget(5, 60_000, () => now)
    for (let i = 0; i < 10_000; i++) {
      now = i
      budget.spend(7)
    }
    // Still refused: the last six in the window are what counts.
    expect(budget.spend(7)).toBe(false)
    now = 10_000 + 60_000
    expect(budget.spend(7)).toBe(true)
  })
})
