import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import { RevisionsPage } from '../helpers/RevisionsPage.ts'

let server: TestServer | undefined
let session: BrowserSession | undefined

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-rounds'))
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

describe('rounds in the revisions panel and the comparison', () => {
  it('opens and renames a round, then compares since its start and since the last revision', async () => {
    if (!session || !server) throw new Error('not started')
    const che = await session.newDraftPage('che')
    await che.open(server.url)
    await che.signIn('che')
    const { page } = che
    const revisions = new RevisionsPage(page)
    await revisions.openFromRoom()

    const rounds = page.getByTestId('rounds')
    await expect(rounds.textContent()).resolves.toContain('Aucun cycle')
    await page.getByTestId('round-kind').selectOption('firstReading')
    await page.getByTestId('round-starts').fill('2018-02-20')
    await page.getByTestId('round-submit').click()
    const round = rounds.getByTestId('round')
    await round.waitFor()
    await expect(round.textContent()).resolves.toMatch(
      /Première lecture.*depuis le 20 février 2018.*En cours/,
    )

    await round.getByTestId('round-rename').click()
    await round.getByTestId('round-rename-input').fill('Première lecture du projet zéro')
    await round.getByTestId('round-rename-input').press('Enter')
    await page.locator('.round-name', { hasText: 'Première lecture du projet zéro' }).waitFor()

    // Two revisions in the round: since its start is from the Avant-projet, published before.
    await revisions.publish('Rev.1', 'Premier projet révisé')
    await revisions.publish('Rev.2', 'Deuxième projet révisé')
    const ids = (await (
      await page.request.get(new URL('/api/negotiations/pacte-mondial/revisions', page.url()).href)
    ).json()) as { revisions: { id: string; symbol: string; roundId: string | null }[] }
    const id = (symbol: string) => ids.revisions.find((r) => r.symbol === symbol)?.id ?? ''
    expect(ids.revisions.map((r) => r.roundId === null)).toEqual([true, false, false])

    await page.getByTestId('tab-compare').click()
    const quick = page.getByTestId('compare-quick')
    await quick.locator('[data-quick="round"]').click()
    await revisions.waitForComparison(id('Avant-projet'), 'live')
    await expect(quick.locator('[data-quick="round"]').textContent()).resolves.toBe(
      'Depuis le début du cycle (Première lecture du projet zéro)',
    )
    expect(await quick.locator('[data-quick="round"]').getAttribute('aria-pressed')).toBe('true')
    await quick.locator('[data-quick="revision"]').click()
    await revisions.waitForComparison(id('Rev.2'), 'live')
    expect(await quick.locator('[data-quick="revision"]').getAttribute('aria-pressed')).toBe('true')
  })

  it('shows the rounds to a delegation without the means to change them', async () => {
    if (!session || !server) throw new Error('not started')
    const fra = await session.newDraftPage('fra')
    await fra.open(server.url)
    await fra.signIn('fra')
    await new RevisionsPage(fra.page).openFromRoom()
    await fra.page.getByTestId('round').waitFor()
    expect(await fra.page.getByTestId('round-form').count()).toBe(0)
    expect(await fra.page.getByTestId('round-rename').count()).toBe(0)
  })
})
