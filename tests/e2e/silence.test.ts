import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'
import { SilencePanel } from '../helpers/SilencePanel.ts'

const NID = 'pacte-mondial'

// Screenshots of the banner's states, for people to look at, only when asked for:
// SILENCE_SCREENSHOTS=<directory> npx vitest run tests/e2e/silence.test.ts
const SCREENSHOTS_DIR = process.env.SILENCE_SCREENSHOTS

let server: TestServer | undefined
let session: BrowserSession | undefined
let che: DraftPage
let fra: DraftPage

/** Signs `username` in, in its own browser context, with the device's clock in `timeZone`. */
async function openAs(username: string, timeZone?: string): Promise<DraftPage> {
  if (!session || !server) throw new Error('not started')
  return session.signedInPage(server.url, username, timeZone ? { timezoneId: timeZone } : {})
}

async function screenshot(page: DraftPage, name: string): Promise<void> {
  if (!SCREENSHOTS_DIR) return
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  await page.page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}-${page.label}.png`) })
}

const isEditable = async (page: DraftPage) =>
  (await page.editor.getAttribute('contenteditable')) === 'true'

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-silence'))
  const current = session
  await current.step('open the room', async () => {
    che = await openAs('che')
    // A delegate in Paris reads the deadline in New York time and in their own.
    fra = await openAs('fra', 'Europe/Paris')
  })
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

describe('the silence procedure in the room', () => {
  it('is started by a co-facilitator, seen live by a delegation, and broken with a statement', async () => {
    const cheSilence = new SilencePanel(che.page)
    const fraSilence = new SilencePanel(fra.page)
    expect(await isEditable(che)).toBe(true)
    expect(await fra.page.getByTestId('silence-start').count()).toBe(0)

    await screenshot(che, '0-idle')
    const form = await cheSilence.openStartDialog()
    await retryableAssertion(async () =>
      expect(await form.revision.locator('option:checked').textContent()).toContain('Avant-projet'),
    )
    // At least 72 hours ahead by default, on a whole hour of a New York working day.
    expect(await form.timeZone.inputValue()).toBe('America/New_York')
    expect(await form.time.inputValue()).toMatch(/^(09|1\d):00$/)
    const date = await form.date.inputValue()
    expect(new Date(`${date}T12:00:00Z`).getUTCDay()).not.toBe(0)
    expect(new Date(`${date}T12:00:00Z`).getUTCDay()).not.toBe(6)
    const daysAhead = (Date.parse(date) - Date.now()) / 86_400_000
    expect(daysAhead).toBeGreaterThan(2)
    // A Wednesday evening's 72 hours end on a Saturday: Monday morning, 4.6 days on.
    expect(daysAhead).toBeLessThan(5)
    expect(await form.preview.textContent()).toContain('(heure de New York)')
    await form.note.fill('Les co-facilitateurs soumettent l’avant-projet à la procédure.')
    await screenshot(che, '0-start-dialog')
    await form.submit.click()

    // The delegation sees it at once, without reloading: banner, deadline, countdown, frozen text.
    await fraSilence.waitFor('running')
    expect(await fraSilence.banner.getByTestId('silence-revision-symbol').textContent()).toBe(
      'Avant-projet',
    )
    const deadline = await fraSilence.banner.getByTestId('silence-deadline').textContent()
    expect(deadline).toContain('(heure de New York)')
    expect(deadline).toContain('(heure de Paris)')
    expect(await fraSilence.banner.getByTestId('silence-cover-note').textContent()).toContain(
      'soumettent l’avant-projet',
    )
    const before = await fraSilence.remainingSeconds()
    expect(before).toBeGreaterThan(2 * 86_400)
    await retryableAssertion(async () =>
      expect(await fraSilence.remainingSeconds()).toBeLessThan(before),
    )
    await retryableAssertion(async () => expect(await isEditable(fra)).toBe(false))
    await retryableAssertion(async () => expect(await isEditable(che)).toBe(false))
    expect(await fra.page.getByTestId('silence-extend').count()).toBe(0)
    expect(await che.page.getByTestId('silence-break').count()).toBe(0)
    await screenshot(fra, '1-running')

    // The co-facilitator extends the deadline by the day offered; the delegation sees it move.
    await che.page.getByTestId('silence-extend').click()
    expect(await che.page.getByTestId('silence-deadline-preview').textContent()).toContain(
      '(heure de New York)',
    )
    await che.page.getByTestId('silence-extend-submit').click()
    await fra.page.getByTestId('silence-extended').waitFor()
    await retryableAssertion(async () =>
      expect(await fraSilence.remainingSeconds()).toBeGreaterThan(before + 86_000),
    )

    // The statement is required, and counted.
    await fra.page.getByTestId('silence-break').click()
    expect(await fra.page.getByTestId('silence-break-submit').isDisabled()).toBe(true)
    await fra.page.keyboard.press('Escape')
    await fra.page.getByTestId('silence-break-dialog').waitFor({ state: 'detached' })
    const statement = 'La France ne peut se joindre au consensus sur le paragraphe 4.'
    await fra.page.getByTestId('silence-break').click()
    await fra.page.getByTestId('silence-statement').fill(statement)
    expect(await fra.page.getByTestId('silence-statement-count').textContent()).toContain(
      `${statement.length} / 4`,
    )
    await fra.page.getByTestId('silence-break-submit').click()
    await screenshot(fra, '1-break-confirm')
    await fra.page.getByTestId('silence-break-confirm').click()

    // The co-facilitator sees at once who broke silence, when and why; negotiation resumes.
    await cheSilence.waitFor('broken')
    const brokenBy = await che.page.getByTestId('silence-broken-by').textContent()
    expect(brokenBy).toContain('France (FRA) a rompu le silence le')
    expect(brokenBy).toContain('(heure de New York)')
    expect(await che.page.getByTestId('silence-broken-statement').textContent()).toBe(statement)
    await retryableAssertion(async () => expect(await isEditable(che)).toBe(true))
    await fraSilence.waitFor('broken')
    await retryableAssertion(async () => expect(await isEditable(fra)).toBe(true))
    await screenshot(che, '2-broken')
  })

  it('can be cancelled by a co-facilitator, which unfreezes the text for everyone', async () => {
    const cheSilence = new SilencePanel(che.page)
    const fraSilence = new SilencePanel(fra.page)
    const form = await cheSilence.openStartDialog()
    await form.note.fill('Deuxième procédure.')
    await form.submit.click()
    await fraSilence.waitFor('running')
    await retryableAssertion(async () => expect(await isEditable(fra)).toBe(false))

    await che.page.getByTestId('silence-cancel').click()
    await che.page.getByTestId('silence-cancel-confirm').click()
    await Promise.all([cheSilence.waitFor('cancelled'), fraSilence.waitFor('cancelled')])
    expect(await fra.page.getByTestId('silence-cancelled-by').textContent()).toContain(
      'Annulée par Jürg Lauber',
    )
    await retryableAssertion(async () => expect(await isEditable(fra)).toBe(true))
    // An ended procedure's banner can be closed; the history stays within reach.
    await fra.page.getByTestId('silence-dismiss').click()
    await fra.page.getByTestId('silence-strip').getByTestId('silence-history').waitFor()
  })

  it('adopts the text when the deadline passes unbroken, and keeps the draft locked', async () => {
    if (!server) throw new Error('not started')
    const cheSilence = new SilencePanel(che.page)
    const fraSilence = new SilencePanel(fra.page)
    // A deadline seconds away: set through the API (the form's resolution is the minute).
    const api = che.page.request
    const { csrfToken } = (await (await api.get(`${server.url}/api/me`)).json()) as {
      csrfToken: string
    }
    const { revisions } = (await (
      await api.get(`${server.url}/api/negotiations/${NID}/revisions`)
    ).json()) as { revisions: { id: string; symbol: string }[] }
    const revisionId = revisions.find((r) => r.symbol === 'Avant-projet')?.id
    const started = await api.post(`${server.url}/api/negotiations/${NID}/silence`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        revisionId,
        deadline: new Date(Date.now() + 4_000).toISOString(),
        note: 'Procédure courte.',
      },
    })
    expect(started.status()).toBe(201)

    await Promise.all([cheSilence.waitFor('running'), fraSilence.waitFor('running')])
    expect(await fraSilence.remainingSeconds()).toBeLessThanOrEqual(4)

    // Nobody breaks silence: adopted by the server's clock, shown to both without a reload.
    await Promise.all([cheSilence.waitFor('adopted'), fraSilence.waitFor('adopted')])
    for (const page of [che, fra]) {
      expect(await page.page.getByTestId('silence-banner').textContent()).toContain('Texte adopté')
      expect(await isEditable(page)).toBe(false)
      expect(await page.page.getByTestId('insert-paragraph').count()).toBe(0)
      expect(await page.page.getByTestId('silence-start').count()).toBe(0)
    }
    const commitment = fra.commitmentOf(2)
    const text = await fra.textOf(commitment)
    await commitment.click()
    await fra.page.keyboard.type('Ajout après adoption')
    expect(await fra.textOf(commitment)).toBe(text)

    // After adoption, a delegation files its explanation of position; everyone reads it.
    const explanation = 'La France s’associe à l’adoption et souligne l’objectif 23.'
    await fra.page.getByTestId('silence-explanation').fill(explanation)
    await fra.page.getByTestId('silence-explain-submit').click()
    await retryableAssertion(async () =>
      expect(await che.page.getByTestId('silence-explanations').textContent()).toContain(
        explanation,
      ),
    )
    await retryableAssertion(async () =>
      expect(await fra.page.getByTestId('silence-explanation').count()).toBe(0),
    )
    expect(await che.page.getByTestId('silence-explanation').count()).toBe(0)
    await screenshot(fra, '3-adopted')

    // The history lists the procedures on the revision, latest first.
    await che.page.getByTestId('silence-history').click()
    const items = che.page.getByTestId('silence-history-item')
    await items.first().waitFor()
    expect(
      await items.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-status'))),
    ).toEqual(['adopted', 'cancelled', 'broken'])
    await screenshot(che, '4-history')
  })
})
