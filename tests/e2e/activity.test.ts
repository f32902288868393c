import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../helpers/accounts.ts'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'
import { ProposalsPanel } from '../helpers/ProposalsPanel.ts'
import { blockByUid, connectWithToken, textOf } from '../helpers/yClients.ts'

// ACTIVITY_SCREENSHOTS=<directory> npx vitest run tests/e2e/activity.test.ts
const SCREENSHOTS_DIR = process.env.ACTIVITY_SCREENSHOTS
const NID = 'pacte-mondial'

let server: TestServer | undefined
let session: BrowserSession | undefined
let fra: DraftPage
let che: DraftPage

async function openAs(username: string): Promise<DraftPage> {
  if (!session || !server) throw new Error('not started')
  return session.signedInPage(server.url, username)
}

async function screenshot(page: DraftPage, name: string): Promise<void> {
  if (!SCREENSHOTS_DIR) return
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  for (const width of [1024, 1280, 1440]) {
    await page.page.setViewportSize({ width, height: 900 })
    await page.page.screenshot({
      path: path.join(SCREENSHOTS_DIR, `${name}-${page.label}-${width}.png`),
    })
  }
}

const unread = (page: DraftPage) => page.page.getByTestId('activity-unread')
const panel = (page: DraftPage) => page.page.getByTestId('activity-panel')

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-activity'))
  await session.step('open the room', async () => {
    fra = await openAs('fra')
    che = await openAs('che')
  })
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

describe('the activity of the negotiation, for a co-facilitator and a delegation', () => {
  it('counts a new proposal live for the co-facilitator, who opens the feed and goes to the text', async () => {
    // France looks at the feed first: what follows is news to it.
    await fra.page.getByTestId('activity-button').click()
    await panel(fra).waitFor()
    await fra.page.keyboard.press('Escape')
    await panel(fra).waitFor({ state: 'detached' })

    const token = await (await ApiClient.signedIn(server!.url, 'fra')).createToken()
    const script = connectWithToken({ baseUrl: server!.url, negotiationId: NID, token })
    await script.synced()
    textOf(blockByUid(script.doc, 'obj-09-a')).insert(0, 'Rapidement, ', {
      insertion: { proposalId: 'fra-activity-1', delegation: 'FRA' },
    })

    // The co-facilitator's count grows without a reload.
    const before = Number(
      (await unread(che)
        .textContent({ timeout: 1 })
        .catch(() => '0')) || 0,
    )
    await retryableAssertion(async () =>
      expect(Number(await unread(che).locator('[aria-hidden]').textContent())).toBeGreaterThan(
        before,
      ),
    )
    await che.page.getByTestId('activity-button').click()
    const made = panel(che).locator('[data-action="proposal.made"]').first()
    await made.waitFor()
    expect(await made.textContent()).toMatch(/a proposé une modification|proposed a change/)
    expect(await made.textContent()).toContain('FRA')
    await screenshot(che, 'activity-feed')

    // Filtered on Morocco, the feed has nothing; on France, the proposal.
    await panel(che).getByTestId('activity-filter-delegation').selectOption('MAR')
    await retryableAssertion(async () =>
      expect(await panel(che).locator('.activity-item').count()).toBe(0),
    )
    await panel(che).getByTestId('activity-filter-delegation').selectOption('FRA')
    await panel(che).locator('[data-action="proposal.made"]').first().waitFor()

    await panel(che).locator('[data-action="proposal.made"] .link-button').first().click()
    await retryableAssertion(async () =>
      expect(
        await che.page.evaluate(() => window.getSelection()?.anchorNode?.textContent ?? ''),
      ).toContain('Rapidement'),
    )
    // Opening the feed marked it seen.
    await retryableAssertion(async () => expect(await unread(che).count()).toBe(0))
    script.destroy()
  })

  it('tells France, live and at its next visit, that its proposal was accepted', async () => {
    const api = await ApiClient.signedIn(server!.url, 'che')
    const accepted = await api.json(
      'POST',
      `/api/negotiations/${NID}/proposals/fra-activity-1/accept`,
      {},
    )
    expect(accepted.status).toBe(200)
    const news = fra.page.getByTestId('activity-news')
    await retryableAssertion(async () =>
      expect(await news.textContent()).toMatch(
        /1 de vos propositions a été acceptée|1 of your proposals was accepted/,
      ),
    )
    await screenshot(fra, 'activity-news')

    await fra.page.reload()
    await news.waitFor()
    expect(await news.textContent()).toMatch(/acceptée|accepted/)
    await news.getByRole('button').first().click()
    await panel(fra).locator('[data-action="proposal.accept"].is-new').first().waitFor()
    await fra.page
      .getByRole('button', { name: /Fermer|Close/ })
      .first()
      .click()

    await fra.page.reload()
    await fra.page.getByTestId('activity-button').waitFor()
    // Seen: no news at the next visit.
    await retryableAssertion(async () => expect(await unread(fra).count()).toBe(0))
    expect(await news.count()).toBe(0)
  })

  it('shows the history of the paragraph at the caret: its proposals and how it read before', async () => {
    await che.placeCursorAtEndOf(che.block('obj-09-a'))
    const button = che.page.getByTestId('history-button')
    await retryableAssertion(async () => expect(await button.textContent()).toMatch(/a\)/))
    await button.click()
    const history = che.page.getByTestId('history-panel')
    const proposal = history.locator('[data-testid="history-proposals"] li').first()
    await proposal.waitFor()
    expect(await proposal.getAttribute('data-status')).toBe('accepted')
    expect(await proposal.textContent()).toContain('FRA')
    expect(await proposal.textContent()).toContain('Rapidement')
    expect(await history.getByTestId('history-now').textContent()).toMatch(/^Rapidement, /)
    const avantProjet = history.locator('[data-testid="history-revisions"] li').first()
    expect(await avantProjet.getAttribute('data-status')).toBe('changed')
    expect(await avantProjet.textContent()).not.toContain('Rapidement')
    await screenshot(che, 'paragraph-history')
    await che.page.keyboard.press('Escape')
    await history.waitFor({ state: 'detached' })
  })

  it('selects the card of the change the caret is in, with who proposed it', async () => {
    const change = che.editor.locator('ins, span', { hasText: 'directement ou indirectement' })
    await change.first().click()
    // The panel's card (the click also opens a card beside the change: coFacilitatorsDesk).
    const card = new ProposalsPanel(che).item('demo-fra-07a')
    await retryableAssertion(async () =>
      expect(await card.getAttribute('aria-current')).toBe('true'),
    )
    expect(await card.locator('.proposal-badge').textContent()).toContain('FRA')
    // Elsewhere in the text, no card is selected.
    await che.placeCursorAtEndOf(che.block('p-01'))
    await retryableAssertion(async () => expect(await card.getAttribute('aria-current')).toBeNull())
  })

  it('lets the co-facilitator open a thread that France answers, then resolve it, live for both', async () => {
    const cheCard = new ProposalsPanel(che).item('demo-fra-07a')
    await cheCard.getByTestId('proposal-comment').click()
    await cheCard.getByTestId('proposal-form-text').fill('Pourquoi ce changement, @FRA ?')
    await cheCard.getByTestId('proposal-form-send').click()

    const fraCard = new ProposalsPanel(fra).item('demo-fra-07a')
    const fraThread = fraCard.getByTestId('proposal-thread').last()
    await retryableAssertion(async () =>
      expect(await fraThread.textContent()).toContain('Pourquoi ce changement'),
    )
    await fraThread.getByTestId('thread-reply').click()
    await fraThread.getByTestId('thread-reply-text').fill('Pour couvrir les effets indirects.')
    await fraThread.getByTestId('thread-reply-send').click()

    const cheThread = cheCard.getByTestId('proposal-thread').last()
    await retryableAssertion(async () =>
      expect(await cheThread.getByTestId('proposal-reply').textContent()).toContain(
        'effets indirects',
      ),
    )
    await cheThread.getByTestId('thread-resolve').click()
    await retryableAssertion(async () =>
      expect(await fraThread.getAttribute('data-resolved')).toBe('true'),
    )
    await screenshot(fra, 'comment-thread')
  })
})
