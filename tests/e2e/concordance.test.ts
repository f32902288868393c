import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import { RevisionsPage } from '../helpers/RevisionsPage.ts'

const NEGOTIATION = '/api/negotiations/pacte-mondial'

let server: TestServer | undefined
let session: BrowserSession | undefined

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-concordance'))
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

describe('the concordance in the comparison view', () => {
  it('shows, for the Avant-projet and Rev.1, each number in both and who changed it', async () => {
    if (!session || !server) throw new Error('not started')
    const che = await session.newDraftPage('che')
    await che.open(server.url)
    await che.signIn('che')
    const { page } = che
    const api = (pathname: string) => new URL(`${NEGOTIATION}${pathname}`, page.url()).href
    const { csrfToken } = (await (
      await page.request.get(new URL('/api/me', page.url()).href)
    ).json()) as { csrfToken: string }
    const headers = { 'x-csrf-token': csrfToken }
    for (const proposal of ['demo-fra-07a', 'demo-phl-06']) {
      const accepted = await page.request.post(api(`/proposals/${proposal}/accept`), {
        headers,
        data: {},
      })
      expect(accepted.status()).toBe(200)
    }
    const published = await page.request.post(api('/revisions'), {
      headers,
      data: { symbol: 'Rev.1', title: 'Premier projet révisé' },
    })
    expect(published.status()).toBe(201)
    const rev1 = ((await published.json()) as { id: string }).id
    const { revisions } = (await (await page.request.get(api('/revisions'))).json()) as {
      revisions: { id: string; symbol: string }[]
    }
    const zeroDraft = revisions.find((r) => r.symbol === 'Avant-projet')?.id ?? ''

    const view = new RevisionsPage(page)
    await page.goto(`${server.url}/negotiations/pacte-mondial/compare?from=${zeroDraft}&to=${rev1}`)
    await view.waitForComparison(zeroDraft, rev1)
    const table = await view.showConcordance()
    expect(await table.locator('thead th').allTextContents()).toEqual([
      'Avant-projet',
      'Rev.1',
      'Texte',
      'Devenir',
      'Délégations',
    ])
    const changed = view.concordanceRow('7 a)')
    expect(await changed.locator('td').allTextContents()).toEqual([
      '7 a)',
      '7 a)',
      expect.stringMatching(/^Examiner les politiques/),
      'Modifié',
      'FRA',
    ])
    expect(await changed.getAttribute('data-fate')).toBe('changed')
    expect(await view.concordanceRow('6 c)').getAttribute('data-fate')).toBe('new')
    expect(await view.concordanceRow('6 d)').locator('td').first().textContent()).toBe('6 c)')
    await expect(page.getByTestId('compare-subtitle').textContent()).resolves.toBe(
      'Concordance\u00a0: Avant-projet → Rev.1',
    )
    const docxHref = await page.getByTestId('compare-docx').getAttribute('href')
    expect(docxHref).toContain('/concordance?')
    const docx = await page.request.get(new URL(docxHref ?? '', page.url()).href)
    expect(docx.status()).toBe(200)
  })
})
