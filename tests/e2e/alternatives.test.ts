import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { roomOfTwo, screenshotAtWidths } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'

// ALT_SCREENSHOTS=<directory> npx vitest run --project integration tests/e2e/alternatives.test.ts
const SCREENSHOTS_DIR = process.env.ALT_SCREENSHOTS

let fra: DraftPage
let che: DraftPage

const WORDING = 'Nous renforçons ensemble la coopération internationale sur les migrations.'

/** The room around block `uid`, at the three widths the room is designed for. */
const screenshot = (page: DraftPage, uid: string, name: string) =>
  screenshotAtWidths(
    page,
    SCREENSHOTS_DIR,
    (width) => `alternatives-${name}-${page.label}-${width}.png`,
    () => page.block(uid).evaluate((element) => element.scrollIntoView({ block: 'center' })),
  )

roomOfTwo('e2e-alternatives', (room) => {
  ;({ fra, che } = room)
})

describe('alternatives to a paragraph, in the room', () => {
  it('lets a delegate propose an Alt from the paragraph, prefilled with its text', async () => {
    const before = await fra.textOf(fra.block('p-09'))
    await fra.placeCursorAtEndOf(fra.block('p-09'))
    const button = fra.page.getByTestId('propose-alternative')
    await retryableAssertion(async () => expect(await button.textContent()).toContain('§ 9'))
    // A co-facilitator has no such button: they write into the text.
    expect(await che.page.getByTestId('propose-alternative').count()).toBe(0)
    await button.click()
    const dialog = fra.page.getByTestId('alternative-dialog')
    const wording = dialog.getByLabel('Libellé proposé')
    expect(await wording.inputValue()).toBe(before)
    await wording.fill(WORDING)
    await dialog.getByLabel('Exposé des motifs (facultatif)').fill('Plus clair.')
    if (SCREENSHOTS_DIR) {
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
      await fra.page.screenshot({
        path: path.join(SCREENSHOTS_DIR, `alternatives-dialog-${fra.label}-1280.png`),
      })
    }
    await dialog.getByTestId('alternative-submit').click()
    await dialog.waitFor({ state: 'detached' })

    const own = fra.page.locator('[data-block-uid="p-09"] [data-testid="alternative"]')
    await own.waitFor()
    expect(await own.textContent()).toContain('Alt 9.')
    expect(await own.getByTestId('alternative-withdraw').count()).toBe(1)
    expect(await own.getByTestId('alternative-accept').count()).toBe(0)
    // Beside the paragraph, not in its text.
    expect(await fra.textOf(fra.block('p-09'))).toBe(before)
    await screenshot(fra, 'p-09', 'own')
    // And in the proposals panel, as an Alt.
    const item = fra.page.locator(`[data-testid="proposal-item"][data-proposal-delegation="FRA"]`)
    await retryableAssertion(async () =>
      expect(await item.allTextContents()).toContainEqual(expect.stringContaining('Alt 9.')),
    )
  })

  it('shows it to a co-facilitator beside the paragraph, who accepts it: the text changes', async () => {
    const box = che.page.locator('[data-block-uid="p-09"] [data-testid="alternative"]')
    await box.waitFor()
    const text = (await box.textContent()) ?? ''
    expect(text).toContain('Alt 9.')
    expect(text).toContain(WORDING)
    expect(text).toContain('[FRA]')
    expect(text).toContain('France')
    await screenshot(che, 'p-09', 'open')
    await box.getByTestId('alternative-accept').click()
    await retryableAssertion(async () => expect(await che.textOf(che.block('p-09'))).toBe(WORDING))
    await retryableAssertion(async () => expect(await fra.textOf(fra.block('p-09'))).toBe(WORDING))
    await box.waitFor({ state: 'detached' })
    await retryableAssertion(async () =>
      expect(await fra.page.locator('[data-testid="alternative"]').count()).toBe(0),
    )
  })

  it('offers no Alt on a heading, and speaks English too', async () => {
    await fra.placeCursorAtEndOf(fra.block('obj-03-title'))
    const button = fra.page.getByTestId('propose-alternative')
    await retryableAssertion(async () => expect(await button.isDisabled()).toBe(true))
    await fra.page.getByTestId('language-switch').click()
    await retryableAssertion(async () =>
      expect(await button.textContent()).toBe('Propose an alternative'),
    )
    await fra.placeCursorAtEndOf(fra.block('obj-03-a'))
    await retryableAssertion(async () =>
      expect(await button.textContent()).toBe('Propose an alternative to 3 a)'),
    )
    await button.click()
    const dialog = fra.page.getByTestId('alternative-dialog')
    await dialog.getByLabel('Proposed wording').fill('Another wording of action a).')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    await fra.page.getByTestId('activity-button').click()
    const made = fra.page.locator('[data-action="proposal.made"]').first()
    await retryableAssertion(async () =>
      expect(await made.textContent()).toContain('proposed an alternative to paragraph 9'),
    )
    await fra.page.getByTestId('language-switch').click()
  })
})
