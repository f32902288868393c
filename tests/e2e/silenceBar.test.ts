import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from '../helpers/axe.ts'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'
import { SilencePanel } from '../helpers/SilencePanel.ts'

const NID = 'pacte-mondial'
const HEADER_HEIGHT = 56

// Screenshots of the bar at laptop widths, for people to look at, only when asked for:
// SILENCE_SCREENSHOTS=<directory> npx vitest run tests/e2e/silenceBar.test.ts
const SCREENSHOTS_DIR = process.env.SILENCE_SCREENSHOTS

let server: TestServer | undefined
let session: BrowserSession | undefined
let fra: DraftPage

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-silence-bar'))
  const current = session
  const url = server.url
  await current.step('start a procedure on Avant-projet, deadline in Tokyo time', async () => {
    const che = await current.newDraftPage('che')
    await che.open(url)
    await che.signIn('che')
    const api = che.page.request
    const { csrfToken } = (await (await api.get(`${url}/api/me`)).json()) as {
      csrfToken: string
    }
    const { revisions } = (await (
      await api.get(`${url}/api/negotiations/${NID}/revisions`)
    ).json()) as { revisions: { id: string; symbol: string }[] }
    const started = await api.post(`${url}/api/negotiations/${NID}/silence`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        revisionId: revisions.find((r) => r.symbol === 'Avant-projet')?.id,
        deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        timeZone: 'Asia/Tokyo',
        note: 'Procédure sur l’avant-projet.',
      },
    })
    expect(started.status()).toBe(201)
  })
  await current.step('open the room as fra', async () => {
    fra = await openFrozenRoom('fra')
  })
})

/**
 * Signs `username` in and waits for the room under silence: the draft is frozen, neither
 * editable nor badged read-only, so `DraftPage.signIn` would wait in vain.
 */
async function openFrozenRoom(
  username: string,
  beforeOpen?: (page: DraftPage) => Promise<void>,
): Promise<DraftPage> {
  if (!session || !server) throw new Error('not started')
  const page = await session.newDraftPage(username)
  await beforeOpen?.(page)
  await page.open(server.url)
  await page.submitSignIn(username, 'demo')
  await page.waitConnected()
  await new SilencePanel(page.page).waitFor('running')
  await page.objective(1).waitFor()
  return page
}

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

/** Scrolls the room to the end of the draft, far below the silence banner. */
async function scrollToEnd(page: DraftPage): Promise<void> {
  await page.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await retryableAssertion(async () =>
    expect(await page.page.evaluate(() => window.scrollY)).toBeGreaterThan(1000),
  )
}

describe('the silence bar while a procedure runs', () => {
  it('stays under the header after scrolling, with the deadline in its zone and the countdown', async () => {
    const bar = fra.page.getByTestId('silence-bar')
    await scrollToEnd(fra)
    // The full banner has scrolled away; the bar has not.
    const banner = await fra.page.getByTestId('silence-banner').boundingBox()
    expect(banner && banner.y + banner.height).toBeLessThan(HEADER_HEIGHT)
    const box = await bar.boundingBox()
    expect(box?.y).toBe(HEADER_HEIGHT)
    expect(await bar.isVisible()).toBe(true)
    // Nothing sticky hides it: the toolbar band stops below it.
    const band = await fra.page.locator('.toolbar-band').boundingBox()
    expect(band?.y).toBeGreaterThanOrEqual(HEADER_HEIGHT + (box?.height ?? 0) - 1)
    const topmost = await fra.page.evaluate(
      ({ x, y }) =>
        document.elementFromPoint(x, y)?.closest('[data-testid="silence-bar"]') !== null,
      { x: (box?.x ?? 0) + 200, y: (box?.y ?? 0) + (box?.height ?? 0) / 2 },
    )
    expect(topmost).toBe(true)

    expect(await bar.getByTestId('silence-bar-deadline').textContent()).toMatch(
      /^Date limite\u00a0: .+ \(heure de Tokyo\)$/,
    )
    const countdown = bar.getByTestId('silence-countdown')
    expect(await countdown.textContent()).toMatch(
      /^2\u00a0j \d\d\u00a0h \d\d\u00a0min \d\d\u00a0s$/,
    )
    const before = Number(await countdown.getAttribute('data-remaining-seconds'))
    await retryableAssertion(async () =>
      expect(Number(await countdown.getAttribute('data-remaining-seconds'))).toBeLessThan(before),
    )
    expect(await bar.getByTestId('silence-open-circulated').textContent()).toBe(
      'Voir le texte circulé (Avant-projet)',
    )
    // WCAG 2.2 AA (contrast of the amber on its tint, names of the region and the links).
    expect(await seriousViolations(fra.page)).toEqual([])

    if (SCREENSHOTS_DIR) {
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
      for (const width of [1024, 1280, 1440]) {
        await fra.page.setViewportSize({ width, height: 800 })
        await fra.page.screenshot({ path: path.join(SCREENSHOTS_DIR, `bar-scrolled-${width}.png`) })
        await fra.page.evaluate(() => window.scrollTo(0, 0))
        await fra.page.screenshot({ path: path.join(SCREENSHOTS_DIR, `bar-top-${width}.png`) })
        await scrollToEnd(fra)
      }
      await fra.page.setViewportSize({ width: 1280, height: 900 })
    }
  })

  it('shows the circulated revision in the room, and the frozen live draft on demand', async () => {
    const page = fra.page
    await page.evaluate(() => window.scrollTo(0, 0))
    const circulated = page.getByTestId('circulated-text')
    await circulated.waitFor()
    expect(await circulated.getAttribute('contenteditable')).toBe('false')
    expect(await circulated.getAttribute('aria-label')).toBe(
      'Texte circulé (Avant-projet), en lecture seule',
    )
    expect(await page.getByTestId('show-circulated').getAttribute('aria-pressed')).toBe('true')
    // The revision as published: the proposals made since are not in it.
    expect(await circulated.locator('ins.proposal-insertion, del.proposal-deletion').count()).toBe(
      0,
    )
    expect(await page.getByTestId('draft-editor').count()).toBe(0)

    await page.getByTestId('show-live-draft').click()
    const live = page.getByTestId('draft-editor')
    await live.waitFor()
    expect(await live.getAttribute('contenteditable')).toBe('false')
    await retryableAssertion(async () =>
      expect(await live.locator('ins.proposal-insertion').count()).toBeGreaterThan(0),
    )
    expect(await page.getByTestId('circulated-text').count()).toBe(0)

    await page.getByTestId('show-circulated').click()
    await page.getByTestId('circulated-text').waitFor()
  })

  it('opens the circulated revision, read-only, from the chip and from the bar', async () => {
    await fra.page.evaluate(() => window.scrollTo(0, 0))
    for (const testId of ['silence-revision-symbol', 'silence-open-circulated']) {
      const [circulated] = await Promise.all([
        fra.page.waitForEvent('popup'),
        fra.page.getByTestId(testId).click(),
      ])
      await circulated.waitForLoadState()
      expect(circulated.url()).toMatch(
        new RegExp(`/api/negotiations/${NID}/revisions/[^/?]+\\?format=html$`),
      )
      const text = (await circulated.locator('body').textContent()) ?? ''
      expect(text).toContain('Avant-projet')
      // The revision, not the live draft: nothing in it can be edited.
      expect(await circulated.locator('[contenteditable="true"], textarea, input').count()).toBe(0)
      await circulated.close()
    }
  })

  it('speaks English when the delegate switches', async () => {
    await fra.page.getByTestId('language-switch').click()
    const bar = fra.page.getByTestId('silence-bar')
    await retryableAssertion(async () =>
      expect(await bar.getByTestId('silence-bar-deadline').textContent()).toMatch(
        /^Deadline: .+ \(Tokyo time\)$/,
      ),
    )
    expect(await bar.getByTestId('silence-open-circulated').textContent()).toBe(
      'See the circulated text (Avant-projet)',
    )
    await fra.page.getByTestId('language-switch').click()
  })

  it('asks the server for the procedures and the revisions once per page load', async () => {
    const asked = { silence: 0, revisions: 0 }
    const mex = await openFrozenRoom('mex', async (page) => {
      page.page.on('request', (request) => {
        if (request.method() !== 'GET') return
        const { pathname } = new URL(request.url())
        if (pathname === `/api/negotiations/${NID}/silence`) asked.silence++
        if (pathname === `/api/negotiations/${NID}/revisions`) asked.revisions++
      })
      // A slow answer: the procedure comes with the document first, as on a busy day. That is
      // when the room used to ask for the revisions a second time.
      await page.page.route(`**/api/negotiations/${NID}/revisions`, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500))
        await route.continue()
      })
    })
    // Everything that needs them is on screen: the revision's symbol, the ticking countdown.
    await retryableAssertion(async () =>
      expect(await mex.page.getByTestId('silence-open-circulated').textContent()).toContain(
        'Avant-projet',
      ),
    )
    const countdown = mex.page.getByTestId('silence-countdown')
    const before = Number(await countdown.getAttribute('data-remaining-seconds'))
    // Two ticks later, so that a request the page would still make has had time to go.
    await retryableAssertion(async () =>
      expect(Number(await countdown.getAttribute('data-remaining-seconds'))).toBeLessThan(
        before - 1,
      ),
    )
    expect(asked).toEqual({ silence: 1, revisions: 1 })
  })
})
