import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PresentedProposal } from '../../shared/proposals.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'
import { ProposalsPanel } from '../helpers/ProposalsPanel.ts'

// REVERT_SCREENSHOTS=<directory> npx vitest run --project e2e tests/e2e/revertDecision.test.ts
const SCREENSHOTS_DIR = process.env.REVERT_SCREENSHOTS
const NID = 'pacte-mondial'
const BLOCK = 'obj-11-a'

let server: TestServer | undefined
let session: BrowserSession | undefined
let fra: DraftPage
let che: DraftPage
let api: ApiClient

async function screenshot(page: DraftPage, name: string): Promise<void> {
  if (!SCREENSHOTS_DIR) return
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  for (const width of [1280, 1024, 1440]) {
    await page.page.setViewportSize({ width, height: 900 })
    await page.page.screenshot({
      path: path.join(SCREENSHOTS_DIR, `${name}-${page.label}-${width}.png`),
    })
  }
  await page.page.setViewportSize({ width: 1280, height: 900 })
}

const refusalsOf = (page: DraftPage) =>
  page.page.locator('[data-testid="notice"][data-code="refused_change"]').count()

/** The record of France's proposal whose insertion contains `words`, as the API has it. */
async function proposalWith(words: string): Promise<PresentedProposal> {
  const { body } = await api.json<{ proposals: PresentedProposal[] }>(
    'GET',
    `/api/negotiations/${NID}/proposals?delegation=FRA`,
  )
  const found = body.proposals.find(
    (p) => p.inserted.includes(words) || p.settledChange?.inserted.includes(words),
  )
  if (!found) throw new Error(`no proposal inserting "${words}"`)
  return found
}

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-revert'))
  api = await ApiClient.signedIn(server.url, 'che')
  await session.step('open the room', async () => {
    fra = await session!.signedInPage(server!.url, 'fra')
    che = await session!.signedInPage(server!.url, 'che')
  })
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

describe('decisions taken back, and only on purpose', () => {
  it('does not bring an accepted proposal back when the delegation presses Ctrl+Z', async () => {
    const words = ' sans délai'
    const block = fra.block(BLOCK)
    await fra.typeAtEndOf(block, words)
    await fra.waitSaved()
    const proposal = await retryableAssertion(() => proposalWith(words))
    const chePanel = new ProposalsPanel(che)
    await chePanel.item(proposal.id).getByTestId('proposal-accept').click()
    await retryableAssertion(async () =>
      expect(await new ProposalsPanel(fra).marksIn(block)).toEqual([]),
    )
    const agreed = await fra.textOf(block)
    expect(agreed).toContain(words)

    // The delegate's last own edit is the proposal the co-facilitator has just accepted.
    await fra.placeCursorAtEndOf(block)
    await fra.page.keyboard.press('Control+z')
    await fra.page.waitForTimeout(500)
    await fra.waitSaved()
    expect(await fra.textOf(block)).toBe(agreed)
    expect(await che.textOf(che.block(BLOCK))).toBe(agreed)
    expect((await proposalWith(words)).status).toBe('accepted')
    expect(await refusalsOf(fra)).toBe(0)
  })

  it('reverts a decision from its card: the proposal is open and marked again for both', async () => {
    const words = ' sans délai'
    const chePanel = new ProposalsPanel(che)
    await chePanel.filter('status', 'all')
    const proposal = await proposalWith(words)
    const card = chePanel.item(proposal.id)
    const revert = card.getByTestId('proposal-revert')
    await expect(revert.isEnabled()).resolves.toBe(true)
    await card.scrollIntoViewIfNeeded()
    await screenshot(che, 'revertible')

    await revert.click()
    await retryableAssertion(async () =>
      expect(await card.getAttribute('data-status')).toBe('open'),
    )
    const fraPanel = new ProposalsPanel(fra)
    await retryableAssertion(async () =>
      expect(await fraPanel.marksIn(fra.block(BLOCK))).toEqual([
        expect.objectContaining({ kind: 'ins', delegation: 'FRA', text: words }),
      ]),
    )
    expect(await chePanel.marksIn(che.block(BLOCK))).toEqual([
      expect.objectContaining({ kind: 'ins', delegation: 'FRA', text: words }),
    ])
    const audit = await api.json<{
      events: { action: string; details: { proposalId?: string } }[]
    }>('GET', `/api/negotiations/${NID}/audit`)
    expect(
      audit.body.events.filter((e) => e.details.proposalId === proposal.id).map((e) => e.action),
    ).toEqual(expect.arrayContaining(['proposal.accept', 'proposal.revert']))
  })

  it('turns the button off, with the reason, once the delegation writes in the same paragraph', async () => {
    const words = ' sans délai'
    const chePanel = new ProposalsPanel(che)
    const proposal = await proposalWith(words)
    const card = chePanel.item(proposal.id)
    await card.getByTestId('proposal-reject').click()
    const revert = card.getByTestId('proposal-revert')
    await retryableAssertion(async () => expect(await revert.isEnabled()).toBe(true))

    await fra.typeAtEndOf(fra.block(BLOCK), ' et sans frais')
    await fra.waitSaved()
    await retryableAssertion(async () => expect(await revert.isDisabled()).toBe(true))
    expect(await card.getByTestId('proposal-revert-hint').textContent()).toMatch(/changé|changed/)
    await card.scrollIntoViewIfNeeded()
    await screenshot(che, 'built-on')
    const refused = await api.json<{ error: { code: string } }>(
      'POST',
      `/api/negotiations/${NID}/proposals/${proposal.id}/revert`,
    )
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('decision_built_on')

    // The same card in English.
    await che.page.getByTestId('language-switch').click()
    await retryableAssertion(async () =>
      expect(await card.getByTestId('proposal-revert').textContent()).toBe('Revert decision'),
    )
    expect(await card.getByTestId('proposal-revert-hint').textContent()).toContain('changed')
    await screenshot(che, 'built-on-en')
    await che.page.getByTestId('language-switch').click()
  })

  it('says what a bulk decision will do, counted by the server, before it runs', async () => {
    const chePanel = new ProposalsPanel(che)
    await chePanel.filter('status', 'open')
    await chePanel.filter('delegation', 'FRA')
    const open = (await chePanel.list()).map((p) => p.id)
    expect(open.length).toBeGreaterThanOrEqual(2)
    await chePanel.root.getByTestId('bulk-reject').click()
    const detail = chePanel.root.getByTestId('bulk-detail')
    await detail.waitFor()
    expect(await detail.textContent()).toMatch(
      new RegExp(`^\\(FRA ${open.length} · .*(objectif|objective) 11(\u00a0)?: 1`),
    )
    await chePanel.root.scrollIntoViewIfNeeded()
    await screenshot(che, 'bulk-preview')
    // Asking decided nothing.
    await che.page.getByRole('button', { name: /^(Annuler|Cancel)$/ }).click()
    expect((await chePanel.list()).map((p) => p.id)).toEqual(open)
    expect((await proposalWith(' et sans frais')).status).toBe('open')
  })
})
