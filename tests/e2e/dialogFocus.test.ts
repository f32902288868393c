import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { focusedElement, isFocusInside, tabsStayInside } from '../helpers/keyboardFocus.ts'

let server: TestServer | undefined
let session: BrowserSession | undefined
let mex: DraftPage

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-dialog-focus'))
  const started = session
  const url = server.url
  mex = await session.step('sign in', () => started.signedInPage(url, 'mex'))
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

/** Focuses the control with `testId` and presses Enter on it, as a keyboard user opens it. */
async function pressEnterOn(testId: string): Promise<void> {
  await mex.page.getByTestId(testId).focus()
  await mex.page.keyboard.press('Enter')
}

/**
 * Opens a dialog or drawer from its control by keyboard, then checks the promise of a modal:
 * focus inside, Tab and Shift+Tab kept inside, Escape closes and gives focus back.
 */
async function expectHoldsTheKeyboard(
  opener: string,
  selector: string,
  isClosed: () => Promise<boolean>,
): Promise<void> {
  await pressEnterOn(opener)
  await expect.poll(() => isFocusInside(mex.page, selector)).toBe(true)
  expect((await focusedElement(mex.page)).isIndicated).toBe(true)
  await expect(tabsStayInside(mex.page, selector, { times: 25 })).resolves.toBe(true)
  await expect(tabsStayInside(mex.page, selector, { times: 25, isBackwards: true })).resolves.toBe(
    true,
  )
  await mex.page.keyboard.press('Escape')
  await expect.poll(isClosed).toBe(true)
  expect((await focusedElement(mex.page)).testId).toBe(opener)
}

async function atWidth(width: number): Promise<void> {
  await mex.page.setViewportSize({ width, height: 800 })
  await mex.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
}

describe('a drawer opened by keyboard', () => {
  it('holds the outline at 1280 px, where it is a drawer', async () => {
    await atWidth(1280)
    await expectHoldsTheKeyboard(
      'toggle-outline',
      '#workspace-outline',
      async () => (await mex.page.getByTestId('outline-objective-7').isVisible()) === false,
    )
  })

  it('holds the proposals at 800 px, and the outline too', async () => {
    await atWidth(800)
    await expectHoldsTheKeyboard(
      'toggle-proposals',
      '#workspace-proposals',
      async () => (await mex.page.locator('#workspace-proposals').isVisible()) === false,
    )
    await expectHoldsTheKeyboard(
      'toggle-outline',
      '#workspace-outline',
      async () => (await mex.page.getByTestId('outline-objective-7').isVisible()) === false,
    )
  })

  it('leaves Tab alone at 1440 px, where the panels are columns beside the text', async () => {
    await atWidth(1440)
    await mex.page.getByTestId('outline-objective-1').focus()
    await mex.page.keyboard.press('Tab')
    expect(await isFocusInside(mex.page, '#workspace-outline')).toBe(true)
    await mex.page.getByTestId('word-export').focus()
    await mex.page.keyboard.press('Shift+Tab')
    // Out of the outline, backwards into the page above it.
    expect(await isFocusInside(mex.page, '#workspace-outline')).toBe(false)
  })
})

describe('a dialog opened by keyboard', () => {
  it('holds the silence dialog', async () => {
    await atWidth(1280)
    const dialog = '[data-testid="silence-start-dialog"]'
    await expectHoldsTheKeyboard(
      'silence-start',
      dialog,
      async () => (await mex.page.locator(dialog).count()) === 0,
    )
  })

  it('holds the Word amendments dialog', async () => {
    await atWidth(1440)
    const dialog = '[data-testid="word-import-dialog"]'
    await expectHoldsTheKeyboard(
      'word-import-open',
      dialog,
      async () => (await mex.page.locator(dialog).count()) === 0,
    )
  })

  it('holds the tokens dialog, and gives the focus back to the user menu', async () => {
    const dialog = '[data-testid="tokens-dialog"]'
    await pressEnterOn('user-menu')
    await pressEnterOn('open-tokens')
    // Its one field takes the focus.
    await expect.poll(async () => (await focusedElement(mex.page)).testId).toBe('token-name')
    await expect(tabsStayInside(mex.page, dialog, { times: 20 })).resolves.toBe(true)
    await mex.page.keyboard.press('Escape')
    await expect.poll(() => mex.page.locator(dialog).count()).toBe(0)
    expect((await focusedElement(mex.page)).testId).toBe('user-menu')
  })
})
