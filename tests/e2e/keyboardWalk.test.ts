import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { type FocusedElement, focusedElement, isFocusInside } from '../helpers/keyboardFocus.ts'

const NBSP = '\u00a0'

let server: TestServer | undefined
let session: BrowserSession | undefined

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-keyboard-walk'))
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

/** The focused element, which must be one a user can see has the focus. */
async function seenFocus(page: Page): Promise<FocusedElement> {
  const focused = await focusedElement(page)
  expect(focused, `focus on ${JSON.stringify(focused)}`).toMatchObject({
    isIndicated: true,
    isOnScreen: true,
  })
  return focused
}

/**
 * Presses `key` (Tab by default) until the focus is on what `isWanted` looks for, checking at
 * every stop that the focus is visible: a keyboard user sees each control they pass.
 */
async function pressUntil(
  page: Page,
  isWanted: (focused: FocusedElement) => boolean,
  { key = 'Tab', most = 30 }: { key?: string; most?: number } = {},
): Promise<FocusedElement> {
  for (let presses = 0; presses < most; presses++) {
    await page.keyboard.press(key)
    const focused = await seenFocus(page)
    if (isWanted(focused)) return focused
  }
  throw new Error(
    `${most} × ${key} never reached the control (at ${JSON.stringify(await focusedElement(page))})`,
  )
}

const byTestId = (testId: string) => (focused: FocusedElement) => focused.testId === testId

/** Signs in with the keyboard only: the user name has the focus when the page opens. */
async function signInByKeyboard(user: DraftPage, username: string): Promise<void> {
  if (!server) throw new Error('not started')
  await user.open(server.url)
  await expect.poll(async () => (await focusedElement(user.page)).testId).toBe('signin-username')
  await seenFocus(user.page)
  await user.page.keyboard.type(username)
  await user.page.keyboard.press('Tab')
  expect((await seenFocus(user.page)).testId).toBe('signin-password')
  await user.page.keyboard.type('demo')
  await user.page.keyboard.press('Enter')
}

describe('a co-facilitator with the keyboard only', () => {
  let mex: DraftPage

  it('signs in, and skips past the header to the text', async () => {
    mex = await session!.newDraftPage('mex')
    await signInByKeyboard(mex, 'mex')
    await mex.editor.waitFor()
    await mex.waitConnected()
    // The first stop of the keyboard is the skip link, shown when it has the focus.
    await mex.page.keyboard.press('Tab')
    expect((await seenFocus(mex.page)).name).toBe('Aller au texte')
    await mex.page.keyboard.press('Enter')
    expect((await seenFocus(mex.page)).tag).toBe('article')
    // The next stop is the text itself.
    await mex.page.keyboard.press('Tab')
    expect((await seenFocus(mex.page)).testId).toBe('draft-editor')
  })

  it('opens a proposal from the panel, then accepts it at the change', async () => {
    const page = mex.page
    const item = await pressUntil(page, (focused) => focused.testId === 'proposal-open')
    expect(item.name).toMatch(/Ouverte/)
    const proposalId = await page.evaluate(
      () =>
        document.activeElement?.closest('[data-proposal-id]')?.getAttribute('data-proposal-id') ??
        '',
    )
    // Enter goes to the change in the text; Alt+Enter opens its card, focus inside.
    await page.keyboard.press('Enter')
    expect((await seenFocus(page)).testId).toBe('draft-editor')
    await page.keyboard.press('Alt+Enter')
    await expect.poll(() => isFocusInside(page, '[data-testid="change-card"]')).toBe(true)
    await seenFocus(page)
    await pressUntil(page, byTestId('proposal-accept'), { most: 10 })
    await page.keyboard.press('Enter')
    const panelItem = page.locator(
      `[data-testid="proposal-item"][data-proposal-id="${proposalId}"]`,
    )
    await expect.poll(() => panelItem.count()).toBe(0)
    // The card has gone with the open proposal: the focus is back in the text, not lost.
    await expect.poll(async () => (await focusedElement(page)).testId).toBe('draft-editor')
    await seenFocus(page)
  })

  it('accepts the next proposal from the panel, the focus staying in the list', async () => {
    const page = mex.page
    await pressUntil(page, byTestId('proposal-accept'))
    const proposalId = await page.evaluate(
      () =>
        document.activeElement?.closest('[data-proposal-id]')?.getAttribute('data-proposal-id') ??
        '',
    )
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator(`[data-proposal-id="${proposalId}"]`).count()).toBe(0)
    // Not dropped to the page's body: on the item now in its place.
    await expect.poll(() => isFocusInside(page, '[data-testid="proposal-item"]')).toBe(true)
    await seenFocus(page)
  })

  it('opens the comparison of the published text with the live draft', async () => {
    const page = mex.page
    await pressUntil(page, byTestId('open-revisions'), { key: 'Shift+Tab', most: 60 })
    await page.keyboard.press('Enter')
    await page.getByTestId('revisions-page').waitFor()
    await pressUntil(page, byTestId('revision-compare-live'))
    await page.keyboard.press('Enter')
    await page.getByTestId('compare-document').waitFor()
    // Every control of the comparison on the way is reached with visible focus.
    const stops = new Set<string>()
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      stops.add((await seenFocus(page)).testId ?? '')
    }
    expect([...stops]).toEqual(expect.arrayContaining(['compare-from', 'compare-to']))
  })
})

describe('the secretariat with the keyboard only', () => {
  let page: Page

  it('creates a user in the console', async () => {
    const secretariat = await session!.newDraftPage('secretariat')
    page = secretariat.page
    await signInByKeyboard(secretariat, 'secretariat')
    await page.getByTestId('console').waitFor()
    await pressUntil(page, byTestId('user-username'), { most: 40 })
    await page.keyboard.type('ita')
    await page.keyboard.press('Tab')
    expect((await seenFocus(page)).testId).toBe('user-display-name')
    await page.keyboard.type('Délégation de l’Italie')
    await page.keyboard.press('Tab')
    expect((await seenFocus(page)).testId).toBe('user-password')
    await page.keyboard.type('roma')
    await page.keyboard.press('Enter')
    // Too short: the focus goes to the password, which says why.
    await expect.poll(async () => (await focusedElement(page)).testId).toBe('user-password')
    await seenFocus(page)
    await page.keyboard.type('-2018-marrakech')
    await page.keyboard.press('Tab')
    expect((await seenFocus(page)).testId).toBe('user-delegation')
    // A select answers the arrows: FRA is the fourth after "none" (BRA CHE DEU EGY FRA).
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown')
    await expect(page.getByTestId('user-delegation').inputValue()).resolves.toBe('FRA')
    await page.keyboard.press('Tab')
    expect((await seenFocus(page)).testId).toBe('user-secretariat')
    await page.keyboard.press('Tab')
    expect((await seenFocus(page)).testId).toBe('user-create')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('user-create-feedback').textContent()).resolves.toBe(
      `Utilisateur «${NBSP}ita${NBSP}» créé.`,
    )
    expect((await seenFocus(page)).testId).toBe('user-create')
  })

  it('gives the new user a role, confirmed, the focus back on the role', async () => {
    const row = page.locator('[data-testid="user-row"][data-username="ita"]')
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press('Tab')
      await seenFocus(page)
      if (
        await row.getByTestId('user-role').evaluate((select) => select === document.activeElement)
      )
        break
    }
    // ArrowDown picks the next role: a confirmation comes first.
    await page.keyboard.press('ArrowDown')
    await row.getByTestId('role-confirm').waitFor()
    await pressUntil(page, byTestId('role-confirm-yes'), { most: 3 })
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('users-feedback').textContent()).resolves.toMatch(
      /^«\u00a0ita\u00a0» est /,
    )
    await expect.poll(async () => (await focusedElement(page)).testId).toBe('user-role')
    await seenFocus(page)
  })
})
