import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { ProposalsPanel } from '../helpers/ProposalsPanel.ts'

let server: TestServer | undefined
let session: BrowserSession | undefined
let mex: DraftPage

const HEIGHT = 800

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-layout'))
  const started = session
  const url = server.url
  mex = await session.step('sign in', async () => {
    const page = await started.newDraftPage('mex')
    await page.open(url)
    await page.signIn('mex')
    return page
  })
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

/**
 * What a reader sees of a paragraph's measure: its characters divided by its lines (its height
 * over its line height), on a long justified paragraph of the draft.
 */
async function charactersPerLine(paragraph: Locator): Promise<number> {
  return paragraph.evaluate((element) => {
    const lineHeight = parseFloat(getComputedStyle(element).lineHeight)
    const lines = Math.round(element.getBoundingClientRect().height / lineHeight)
    return (element.textContent ?? '').length / lines
  })
}

/** Whether the element is inside the window, wholly, and is what a click there would hit. */
async function isReachable(element: Locator): Promise<boolean> {
  return element.evaluate((target) => {
    const box = target.getBoundingClientRect()
    const inside =
      box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    return inside && hit !== null && target.contains(hit)
  })
}

async function atWidth(width: number): Promise<void> {
  await mex.page.setViewportSize({ width, height: HEIGHT })
  await mex.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
}

describe('the room at laptop widths', () => {
  for (const width of [1024, 1280, 1440]) {
    it(`keeps the text readable at ${width} px, the toolbar on one line`, async () => {
      await atWidth(width)
      // Paragraph 2 of the preamble: about nine lines of French at A4 width.
      const measure = await charactersPerLine(mex.editor.locator('[data-type="paragraph"]').nth(1))
      expect(measure).toBeGreaterThanOrEqual(60)
      expect(measure).toBeLessThanOrEqual(80)
      const toolbar = mex.page.getByRole('toolbar')
      const buttonHeight = await mex.page.getByTestId('insert-paragraph').evaluate((button) => {
        return button.getBoundingClientRect().height
      })
      const toolbarHeight = (await toolbar.boundingBox())?.height ?? Infinity
      expect(toolbarHeight).toBeLessThan(buttonHeight * 2)
      // The proposals panel is a column beside the text, with its decisions in reach.
      await expect(
        isReachable(new ProposalsPanel(mex).root.getByTestId('proposal-accept').first()),
      ).resolves.toBe(true)
    })
  }

  it('shows the outline beside the text at 1440 px, as a drawer below', async () => {
    await atWidth(1440)
    await expect(mex.page.getByTestId('toggle-outline').isVisible()).resolves.toBe(false)
    await expect(isReachable(mex.page.getByTestId('outline-objective-7'))).resolves.toBe(true)

    await atWidth(1280)
    await expect(mex.page.getByTestId('outline-objective-7').isVisible()).resolves.toBe(false)
    await mex.page.getByTestId('toggle-outline').click()
    await expect(isReachable(mex.page.getByTestId('outline-objective-7'))).resolves.toBe(true)
    // A jump from the outline closes the drawer and lands on the objective.
    await mex.page.getByTestId('outline-objective-7').click()
    await expect(mex.page.getByTestId('outline-objective-7').isVisible()).resolves.toBe(false)
    await expect(isReachable(mex.objective(7).locator('.objective-title'))).resolves.toBe(true)
  })
})

describe('the room on a tablet', () => {
  it('keeps every header control inside the window at 768 px', async () => {
    await atWidth(768)
    // The language switch, last of the header, was cut off by the window's edge.
    await expect(isReachable(mex.page.getByTestId('language-switch'))).resolves.toBe(true)
    await expect(isReachable(mex.page.locator('.app-name'))).resolves.toBe(true)
    // The usual states shrink to their dot; their words stay for screen readers.
    await expect(mex.page.getByTestId('connection-state').textContent()).resolves.toBe('Connecté')
  })

  it('opens the proposals as a drawer at 800 px, with Accept in reach', async () => {
    await atWidth(800)
    const panel = new ProposalsPanel(mex)
    await expect(panel.root.isVisible()).resolves.toBe(false)
    await expect(mex.page.getByTestId('toggle-outline').isVisible()).resolves.toBe(true)
    await mex.page.getByTestId('toggle-proposals').click()
    const item = panel.root.getByTestId('proposal-item').first()
    const id = await item.getAttribute('data-proposal-id')
    const accept = item.getByTestId('proposal-accept')
    await expect(isReachable(accept)).resolves.toBe(true)
    await accept.click()
    await panel.filter('status', 'all')
    await expect.poll(() => panel.item(id ?? '').getAttribute('data-status')).toBe('accepted')
    // Escape closes the drawer; the text is whole again.
    await mex.page.keyboard.press('Escape')
    await expect(panel.root.isVisible()).resolves.toBe(false)
    const measure = await charactersPerLine(mex.editor.locator('[data-type="paragraph"]').nth(1))
    expect(measure).toBeGreaterThanOrEqual(60)
  })
})

describe('the delegations in the proposals panel', () => {
  it('names each in the UI’s language, each in a colour of its own beside its code', async () => {
    await atWidth(1440)
    const panel = new ProposalsPanel(mex)
    await panel.filter('status', 'all')
    const items = await panel.root.getByTestId('proposal-item').evaluateAll((elements) =>
      elements.map((item) => ({
        code: item.getAttribute('data-delegation') ?? '',
        badge: item.querySelector('.proposal-badge')?.textContent ?? '',
        color: getComputedStyle(item.querySelector('.proposal-badge')!).backgroundColor,
        meta: item.querySelector('.proposal-meta')?.textContent ?? '',
      })),
    )
    const byCode = new Map(items.map((item) => [item.code, item]))
    expect([...byCode.keys()].sort()).toEqual(['BRA', 'EGY', 'FRA', 'MAR', 'PHL'])
    // The second cue: the code on the coloured badge.
    for (const [code, item] of byCode) expect(item.badge).toBe(code)
    // No two delegations share a colour (BRA and EGY, MAR and PHL did).
    expect(new Set([...byCode.values()].map((item) => item.color)).size).toBe(byCode.size)
    // Attributed to the delegation, in French, not to the user's English display name.
    expect(byCode.get('PHL')?.meta).toMatch(/^par Philippines · /)
    expect(byCode.get('BRA')?.meta).toMatch(/^par Brésil · /)
    await mex.page.getByTestId('language-switch').click()
    await expect
      .poll(() => panel.item('demo-bra-15b').locator('.proposal-meta').textContent())
      .toMatch(/^by Brazil · /)
    await mex.page.getByTestId('language-switch').click()
  })
})

describe('the silence dialog’s time zones', () => {
  it('lists current IANA names, labelled in French, searchable, New York first', async () => {
    await atWidth(1280)
    await mex.page.getByTestId('silence-start').click()
    const dialog = mex.page.getByTestId('silence-start-dialog')
    const zones = dialog.getByTestId('silence-timezone')
    const options = () =>
      zones.locator('option').evaluateAll((elements) =>
        elements.map((option) => ({
          zone: (option as HTMLOptionElement).value,
          label: option.textContent ?? '',
        })),
      )
    const all = await options()
    expect(all.length).toBeGreaterThan(300)
    expect(all[0]?.zone).toBe('America/New_York')
    expect(await zones.inputValue()).toBe('America/New_York')
    const names = all.map(({ zone }) => zone)
    for (const current of ['Europe/Kyiv', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'America/Nuuk'])
      expect(names).toContain(current)
    for (const retired of ['Europe/Kiev', 'Asia/Calcutta', 'Asia/Saigon', 'Asia/Rangoon'])
      expect(names).not.toContain(retired)
    expect(new Set(names).size).toBe(names.length)
    // Labelled in the UI's language: "Paris — heure d’Europe centrale (Europe/Paris)".
    expect(all.find(({ zone }) => zone === 'Europe/Paris')?.label).toMatch(
      /^Paris — heure .*\(Europe\/Paris\)$/,
    )

    await dialog.getByTestId('silence-timezone-search').fill('kyiv')
    expect((await options()).map(({ zone }) => zone)).toEqual(['America/New_York', 'Europe/Kyiv'])
    await zones.selectOption('Europe/Kyiv')
    await expect(dialog.getByTestId('silence-deadline-preview').textContent()).resolves.toContain(
      'heure de Kyiv',
    )
    // The fields the form needs say so.
    expect(await dialog.locator('.required-mark').allTextContents()).toEqual([
      '(obligatoire)',
      '(obligatoire)',
      '(obligatoire)',
    ])
    await dialog.getByRole('button', { name: 'Annuler' }).click()
    await dialog.waitFor({ state: 'detached' })
  })
})
