import { describe, expect, it } from 'vitest'
import { roomOfTwo, screenshotAtWidths } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'
import { selectText } from '../helpers/ProposalsPanel.ts'

// Screenshots at three widths, for people to look at, only when asked for:
// BRACKETS_SCREENSHOTS=<directory> npx vitest run --project e2e tests/e2e/brackets.test.ts
const SCREENSHOTS_DIR = process.env.BRACKETS_SCREENSHOTS
/** Objective 11 a) of the demo, with no proposal on it. */
const BRACKETED = 'obj-11-a'

let fra: DraftPage
let che: DraftPage

const screenshot = (page: DraftPage, name: string) =>
  screenshotAtWidths(
    page,
    SCREENSHOTS_DIR,
    (width) => `${name}-${page.label}-${width}.png`,
    () => page.block(BRACKETED).scrollIntoViewIfNeeded(),
  )

roomOfTwo('e2e-brackets', (room) => {
  ;({ fra, che } = room)
})

/** The bracketed runs of a block as a reader sees them: "[" + text + "]" for each. */
const bracketsSeenIn = (page: DraftPage, uid: string) =>
  page.block(uid).evaluate((block) => {
    const sign = (element: Element, pseudo: string) =>
      getComputedStyle(element, pseudo).content.split('/')[0]!.trim().replaceAll('"', '')
    const closes = [...block.querySelectorAll('.bracket-close')]
    return [...block.querySelectorAll('.bracket-open')].map((open, i) => {
      const close = closes[i]!
      const range = document.createRange()
      range.setStartBefore(open)
      range.setEndAfter(close)
      // Without others' carets' labels, which are no part of the text.
      const contents = range.cloneContents()
      contents.querySelectorAll('[contenteditable="false"]').forEach((label) => label.remove())
      return `${sign(open, '::before')}${contents.textContent ?? ''}${sign(close, '::after')}`
    })
  })

/** Selects the first piece of the block's bracketed run. */
const selectFirstBracketedPiece = async (page: DraftPage, uid: string) => {
  const text = await page.block(uid).evaluate((block) => {
    const open = block.querySelector('.bracket-open')!
    ;(block.closest('.ProseMirror') as HTMLElement).focus()
    const range = document.createRange()
    range.selectNodeContents(open)
    window.getSelection()?.removeAllRanges()
    window.getSelection()?.addRange(range)
    return open.textContent ?? ''
  })
  await page.page.waitForFunction((wanted) => window.getSelection()?.toString() === wanted, text)
}

describe('square brackets in the room', () => {
  it('lets a co-facilitator put words in brackets, which a delegation sees', async () => {
    const block = che.block(BRACKETED)
    const words = (await che.textOf(block)).split(' ').slice(2, 5).join(' ')
    const button = che.page.getByTestId('toggle-brackets')
    await expect(button.isDisabled()).resolves.toBe(true)
    await selectText(che, block, words)
    await retryableAssertion(async () =>
      expect(await button.getAttribute('data-action')).toBe('place'),
    )
    await button.click()
    await che.waitSaved()
    await retryableAssertion(async () =>
      expect(await bracketsSeenIn(fra, BRACKETED)).toEqual([`[${words}]`]),
    )
    expect(await bracketsSeenIn(che, BRACKETED)).toEqual([`[${words}]`])
    // The delegation has no such button: brackets are the co-facilitators'.
    expect(await fra.page.getByTestId('toggle-brackets').count()).toBe(0)
    await screenshot(fra, 'brackets')
    await screenshot(che, 'brackets')
  })

  it('keeps a delegation’s proposal inside the brackets in one run', async () => {
    const block = fra.block(BRACKETED)
    const [run] = await bracketsSeenIn(fra, BRACKETED)
    const inner = (run ?? '').slice(1, -1)
    const [first, ...rest] = inner.split(' ')
    // The caret after the first bracketed word: what the delegation types is inside.
    await selectText(fra, block, `${first} `)
    await fra.page.keyboard.press('ArrowRight')
    await fra.page.keyboard.type('proposé ')
    await fra.waitSaved()
    await retryableAssertion(async () =>
      expect(await bracketsSeenIn(che, BRACKETED)).toEqual([
        `[${first} proposé ${rest.join(' ')}]`,
      ]),
    )
    await screenshot(che, 'brackets-proposal')
  })

  it('lets the co-facilitator remove the brackets', async () => {
    const [before] = await bracketsSeenIn(che, BRACKETED)
    await selectFirstBracketedPiece(che, BRACKETED)
    const button = che.page.getByTestId('toggle-brackets')
    await retryableAssertion(async () =>
      expect(await button.getAttribute('data-action')).toBe('remove'),
    )
    await button.click()
    await che.waitSaved()
    // Only the piece selected came out: the run now starts at the delegation's proposal.
    await retryableAssertion(async () => {
      const runs = await bracketsSeenIn(fra, BRACKETED)
      expect(runs).toHaveLength(1)
      expect(runs[0]).toMatch(/^\[proposé /)
      expect(runs[0]!.length).toBeLessThan((before ?? '').length)
    })
  })
})
