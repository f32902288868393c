import { describe, expect, it } from 'vitest'
import { ApiClient } from '../helpers/accounts.ts'
import { roomOfTwo, screenshotAtWidths, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'
import { selectText } from '../helpers/ProposalsPanel.ts'
import { blockByUid, connectWithToken, textOf } from '../helpers/yClients.ts'

// Screenshots at three widths, for people to look at, only when asked for:
// COFAC_SCREENSHOTS=<directory> npx vitest run --project e2e tests/e2e/coFacilitatorsDesk.test.ts
const SCREENSHOTS_DIR = process.env.COFAC_SCREENSHOTS
const NID = 'pacte-mondial'
/** Objective 9 a) and b) of the demo, with no proposal on them. */
const EDITED = 'obj-09-a'
const PROPOSED = 'obj-09-b'

let server: TestServer
let fra: DraftPage
let che: DraftPage

const screenshot = (page: DraftPage, name: string) =>
  screenshotAtWidths(page, SCREENSHOTS_DIR, (width) => `${name}-${page.label}-${width}.png`)

roomOfTwo('e2e-co-facilitators-desk', (room) => {
  ;({ server, fra, che } = room)
})

const coFacilitatorsMarks = (page: DraftPage, uid: string) =>
  page
    .block(uid)
    .locator('ins.co-facilitators-insertion, del.co-facilitators-deletion')
    .evaluateAll((marks) =>
      marks.map((mark) => [mark.tagName.toLowerCase(), mark.textContent ?? '']),
    )

describe('the co-facilitators’ own edits, seen by a delegation', () => {
  it('shows a co-facilitator’s typed and deleted words as theirs, until a revision', async () => {
    const block = che.block(EDITED)
    const agreed = await che.textOf(block)
    const [firstWord] = agreed.split(' ')
    if (!firstWord) throw new Error('an empty action')

    await che.typeAtEndOf(block, ' sans délai')
    await selectText(che, block, firstWord)
    await che.page.keyboard.press('Backspace')
    await che.waitSaved()

    // France sees the words as the co-facilitators', labelled in the text, not on hover.
    await retryableAssertion(async () =>
      expect(await coFacilitatorsMarks(fra, EDITED)).toEqual([
        ['del', firstWord],
        ['ins', ' sans délai'],
      ]),
    )
    const labels = fra.block(EDITED).locator('.co-facilitators-label')
    expect(
      await labels.evaluateAll((elements) =>
        elements.map((element) => getComputedStyle(element, '::before').content),
      ),
    ).toEqual(['"Co-facilitateurs"', '"Co-facilitateurs"'])
    // The deleted word is still there to read, struck through.
    const struck = fra.block(EDITED).locator('del.co-facilitators-deletion')
    expect(
      await struck.evaluate((element) => getComputedStyle(element).textDecorationLine),
    ).toContain('line-through')
    expect(await fra.textOf(fra.block(EDITED))).toBe(`${agreed} sans délai`)
    await fra.block(EDITED).scrollIntoViewIfNeeded()
    await screenshot(fra, 'co-facilitators-edits')

    const api = await ApiClient.signedIn(server.url, 'che')
    const published = await api.json('POST', `/api/negotiations/${NID}/revisions`, {
      symbol: 'Rev.1',
      title: 'Première révision',
    })
    expect(published.status).toBe(201)

    // The revision consolidates them: no mark left, the typed words agreed, the deleted gone.
    await retryableAssertion(async () => {
      expect(await coFacilitatorsMarks(fra, EDITED)).toEqual([])
      expect(await fra.block(EDITED).locator('.co-facilitators-label').count()).toBe(0)
      expect(await fra.textOf(fra.block(EDITED))).toBe(
        `${agreed.slice(firstWord.length)} sans délai`,
      )
    })
  })
})

describe('deciding at the change', () => {
  it('opens the card beside a change clicked in the text, and accepts from there', async () => {
    const token = await (await ApiClient.signedIn(server.url, 'fra')).createToken()
    const script = connectWithToken({ baseUrl: server.url, negotiationId: NID, token })
    await script.synced()
    textOf(blockByUid(script.doc, PROPOSED)).insert(0, 'Résolument, ', {
      insertion: { proposalId: 'fra-card-1', delegation: 'FRA' },
    })
    const change = che.block(PROPOSED).locator('ins[data-proposal="fra-card-1"]')
    await change.waitFor()
    script.destroy()

    await change.click()
    const card = che.page.getByTestId('change-card')
    await card.waitFor()
    expect(await card.getAttribute('data-proposal-id')).toBe('fra-card-1')
    // Who, when: the delegation and the person, on the card itself.
    const meta = await card.locator('.proposal-meta').textContent()
    expect(meta).toMatch(/^par France · .+ · /)
    expect(await card.getByTestId('proposal-author').textContent()).not.toBe('')
    // Beside the change: just below (or above) its line, overlapping it horizontally.
    const [cardBox, changeBox] = [await card.boundingBox(), await change.boundingBox()]
    if (!cardBox || !changeBox) throw new Error('not laid out')
    const gap = Math.min(
      Math.abs(cardBox.y - (changeBox.y + changeBox.height)),
      Math.abs(changeBox.y - (cardBox.y + cardBox.height)),
    )
    expect(gap).toBeLessThan(16)
    expect(cardBox.x).toBeLessThan(changeBox.x + changeBox.width)
    await screenshot(che, 'change-card')

    // Escape closes it; Alt+Enter in the change opens it again with the focus inside.
    await che.page.keyboard.press('Escape')
    await card.waitFor({ state: 'detached' })
    await che.page.keyboard.press('Alt+Enter')
    await card.waitFor()
    await retryableAssertion(async () =>
      expect(
        await che.page.evaluate(() =>
          Boolean(document.activeElement?.closest('[data-testid="change-card"]')),
        ),
      ).toBe(true),
    )
    await che.page.keyboard.press('Escape')
    await card.waitFor({ state: 'detached' })
    await retryableAssertion(async () =>
      expect(
        await che.page.evaluate(() => Boolean(document.activeElement?.closest('.ProseMirror'))),
      ).toBe(true),
    )

    await change.click()
    await card.getByTestId('proposal-accept').click()
    await card.waitFor({ state: 'detached' })
    await retryableAssertion(async () => {
      expect(await fra.block(PROPOSED).locator('[data-proposal="fra-card-1"]').count()).toBe(0)
      expect((await fra.textOf(fra.block(PROPOSED))).startsWith('Résolument, ')).toBe(true)
    })
    const listed = await (
      await ApiClient.signedIn(server.url, 'fra')
    ).json<{
      proposals: { id: string; status: string }[]
    }>('GET', `/api/negotiations/${NID}/proposals?delegation=FRA`)
    expect(listed.body.proposals.find((p) => p.id === 'fra-card-1')?.status).toBe('accepted')
  })
})
