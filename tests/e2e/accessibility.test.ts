import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations as violationsOf } from '../helpers/axe.ts'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'

/** The violations as one readable line each, so that a failure says them all. */
const seriousViolations = async (page: Parameters<typeof violationsOf>[0]) =>
  (await violationsOf(page)).map(
    ({ id, impact, targets }) => `${impact} ${id}: ${targets.join(', ')}`,
  )

let server: TestServer | undefined
let session: BrowserSession | undefined

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-accessibility'))
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

async function openSignIn(label: string): Promise<DraftPage> {
  if (!session || !server) throw new Error('not started')
  const page = await session.newDraftPage(label)
  await page.open(server.url)
  await page.signInForm.username.waitFor()
  return page
}

// WCAG 2.2 AA, as axe-core checks it: no serious or critical violation on any main screen.
describe('axe-core on each main screen', () => {
  it('finds nothing serious on the sign-in page, which loads without a console error', async () => {
    if (!session || !server) throw new Error('not started')
    const page = await session.newDraftPage('sign-in')
    const errors: string[] = []
    page.page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.open(server.url)
    await page.signInForm.username.waitFor()
    expect(errors).toEqual([])
    expect(await seriousViolations(page.page)).toEqual([])
    // A wrong password: the error shown, in French, is checked too.
    await page.submitSignIn('fra', 'not-the-password')
    await page.signInForm.error.waitFor()
    expect(await seriousViolations(page.page)).toEqual([])
  })

  it('finds nothing serious in the room of a co-facilitator, drawers open or not', async () => {
    const che = await openSignIn('che')
    await che.signIn('che')
    expect(await seriousViolations(che.page)).toEqual([])
    await che.page.setViewportSize({ width: 800, height: 800 })
    await che.page.getByTestId('toggle-proposals').click()
    expect(await seriousViolations(che.page)).toEqual([])
  })

  it('finds nothing serious in the room of a delegation', async () => {
    const fra = await openSignIn('fra')
    await fra.signIn('fra')
    expect(await seriousViolations(fra.page)).toEqual([])
  })

  it('finds nothing serious on the comparison page', async () => {
    const mar = await openSignIn('mar')
    await mar.signIn('mar')
    await mar.page.goto(`${server!.url}/negotiations/pacte-mondial/compare`)
    await mar.page.getByTestId('compare-document').waitFor()
    // The text on one side is not offered on the other: compared with itself it shows nothing.
    const from = await mar.page.getByTestId('compare-from').inputValue()
    const to = await mar.page.getByTestId('compare-to').inputValue()
    expect(from).not.toBe(to)
    for (const [picker, other] of [
      ['compare-to', from],
      ['compare-from', to],
    ] as const) {
      const option = mar.page.getByTestId(picker).locator(`option[value="${other}"]`)
      await expect(option.isDisabled()).resolves.toBe(true)
    }
    expect(await seriousViolations(mar.page)).toEqual([])
  })

  it('finds nothing serious on the secretariat’s console', async () => {
    const secretariat = await openSignIn('secretariat')
    await secretariat.submitSignIn('secretariat', 'demo')
    await secretariat.page.getByTestId('negotiation-list').waitFor()
    expect(await seriousViolations(secretariat.page)).toEqual([])
  })
})
