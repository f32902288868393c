import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'

// ADREF_SCREENSHOTS=<directory> npx vitest run --project e2e tests/e2e/adReferendum.test.ts
const SCREENSHOTS_DIR = process.env.ADREF_SCREENSHOTS

let server: TestServer | undefined
let session: BrowserSession | undefined
let fra: DraftPage
let che: DraftPage

async function openAs(username: string): Promise<DraftPage> {
  if (!session || !server) throw new Error('not started')
  return session.signedInPage(server.url, username)
}

/** The room around block `uid`, at the three widths the room is designed for. */
async function screenshot(page: DraftPage, uid: string, name: string): Promise<void> {
  if (!SCREENSHOTS_DIR) return
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  for (const width of [1024, 1280, 1440]) {
    await page.page.setViewportSize({ width, height: 900 })
    await page.block(uid).evaluate((element) => element.scrollIntoView({ block: 'center' }))
    await page.page.screenshot({
      path: path.join(SCREENSHOTS_DIR, `adref-${name}-${page.label}-${width}.png`),
    })
  }
  await page.page.setViewportSize({ width: 1280, height: 900 })
}

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-ad-referendum'))
  await session.step('open the room', async () => {
    fra = await openAs('fra')
    che = await openAs('che')
    await fra.waitConnected()
    await che.waitConnected()
  })
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

describe('numbers of agreed text and paragraphs agreed ad referendum, in the room', () => {
  it('numbers a proposed action "b bis)" and a paragraph France proposes "10 bis."', async () => {
    expect(await fra.marginNumberOf('obj-06-b-phl')).toBe('b bis)')
    expect(await fra.marginNumberOf('obj-06-c')).toBe('c)')

    await fra.placeCursorAtEndOf(fra.block('p-10'))
    await fra.page.getByTestId('insert-paragraph').click()
    await fra.page.keyboard.type('Un paragraphe que la France propose.')
    const proposed = fra.editor.locator('[data-uid="p-10"] + [data-type="paragraph"]')
    await retryableAssertion(async () =>
      expect(await proposed.getAttribute('data-number')).toBe('10 bis.'),
    )
    expect(await fra.marginNumberOf('p-11')).toBe('11.')
    await fra.waitSaved()
    // Everyone sees the same numbers.
    const uid = await fra.uidOf(proposed)
    await retryableAssertion(async () => expect(await che.marginNumberOf(uid)).toBe('10 bis.'))
    expect(await che.marginNumberOf('p-11')).toBe('11.')
  })

  it('lets a co-facilitator agree a paragraph ad ref: everyone sees it, nobody types in it', async () => {
    await che.placeCursorAtEndOf(che.block('p-12'))
    const button = che.page.getByTestId('ad-ref-button')
    await retryableAssertion(async () => expect(await button.textContent()).toContain('12'))
    await button.click()
    await retryableAssertion(async () =>
      expect(await fra.block('p-12').getAttribute('data-ad-ref-label')).toMatch(/ad\sréf/),
    )
    await retryableAssertion(async () =>
      expect(await button.getAttribute('aria-pressed')).toBe('true'),
    )
    expect(await button.textContent()).toMatch(/Rouvrir/)

    const before = await fra.textOf(fra.block('p-12'))
    await fra.typeAtEndOf(fra.block('p-12'), ' ajout refusé')
    await fra.waitSaved()
    expect(await fra.textOf(fra.block('p-12'))).toBe(before)
    // Said in the room, before anything reaches the server: nothing was refused there.
    const notices = fra.page.getByTestId('notice')
    await retryableAssertion(async () =>
      expect(
        await notices.evaluateAll((all) => all.map((n) => n.getAttribute('data-code'))),
      ).toEqual(['suggesting_adRef']),
    )
    // A delegation has no button.
    expect(await fra.page.getByTestId('ad-ref-button').count()).toBe(0)
  })

  it('counts the ad ref paragraphs and actions of an objective in the outline', async () => {
    for (const uid of ['obj-03-commitment', 'obj-03-a']) {
      await che.placeCursorAtEndOf(che.block(uid))
      const button = che.page.getByTestId('ad-ref-button')
      await retryableAssertion(async () =>
        expect(await button.getAttribute('aria-pressed')).toBe('false'),
      )
      await button.click()
      await retryableAssertion(async () =>
        expect(await che.block(uid).getAttribute('data-ad-ref-label')).not.toBeNull(),
      )
    }
    const total = await fra
      .objective(3)
      .locator('[data-type="commitment"], [data-type="action"]')
      .count()
    await retryableAssertion(async () =>
      expect(await fra.page.getByTestId('outline-ad-ref-3').textContent()).toBe(
        `2 sur ${total} ad\u00a0réf.`,
      ),
    )
    await screenshot(fra, 'p-10', 'paragraphs')
    await screenshot(fra, 'obj-06-b-phl', 'actions')
    await screenshot(che, 'obj-03-commitment', 'objective')
  })

  it('tells everyone in the activity, and goes to the paragraph from there', async () => {
    await fra.page.getByTestId('activity-button').click()
    const item = fra.page.locator('[data-action="paragraph.adRef"]').last()
    await item.waitFor()
    expect(await item.textContent()).toMatch(/a agréé ad referendum le paragraphe 12/)
    await item.locator('.link-button').click()
    await retryableAssertion(async () =>
      expect(
        await fra.page.evaluate(() =>
          window
            .getSelection()
            ?.anchorNode?.parentElement?.closest('[data-uid]')
            ?.getAttribute('data-uid'),
        ),
      ).toBe('p-12'),
    )
  })

  it('lets the co-facilitator reopen it for proposals', async () => {
    await che.placeCursorAtEndOf(che.block('p-12'))
    const button = che.page.getByTestId('ad-ref-button')
    await retryableAssertion(async () =>
      expect(await button.getAttribute('aria-pressed')).toBe('true'),
    )
    await button.click()
    await retryableAssertion(async () =>
      expect(await fra.block('p-12').getAttribute('data-ad-ref-label')).toBeNull(),
    )
    await fra.typeAtEndOf(fra.block('p-12'), ' ajout')
    await fra.waitSaved()
    await retryableAssertion(async () =>
      expect(await che.textOf(che.block('p-12'))).toContain(' ajout'),
    )
  })
})
