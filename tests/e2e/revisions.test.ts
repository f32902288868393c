import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'
import { RevisionsPage } from '../helpers/RevisionsPage.ts'

const NEGOTIATION = '/api/negotiations/pacte-mondial'
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

let server: TestServer | undefined
let session: BrowserSession | undefined

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-revisions'))
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

/** A new browser context signed in as `username` on the sign-in page, the draft open. */
async function signedIn(username: string): Promise<DraftPage> {
  if (!session || !server) throw new Error('not started')
  const draftPage = await session.newDraftPage(username)
  await draftPage.open(server.url)
  await draftPage.signIn(username)
  return draftPage
}

/** A path of the app as an absolute address, for requests made with a page's cookie. */
const urlOf = (page: Page, pathname: string): string => new URL(pathname, page.url()).href

/** The id of the revision `symbol`, as the API lists it (the page's cookie). */
async function revisionId(page: Page, symbol: string): Promise<string> {
  const response = await page.request.get(urlOf(page, `${NEGOTIATION}/revisions`))
  const { revisions } = (await response.json()) as { revisions: { id: string; symbol: string }[] }
  const revision = revisions.find((r) => r.symbol === symbol)
  if (!revision) throw new Error(`no revision ${symbol}`)
  return revision.id
}

describe('revisions and their comparison', () => {
  it('publishes Rev.1 after a decision and shows what changed since the zero draft', async () => {
    const che = await signedIn('che')
    const page = che.page

    // The co-facilitators accept France's proposal in objective 7: "involontairement" becomes
    // "directement ou indirectement" in action a).
    const { csrfToken } = (await (await page.request.get(urlOf(page, '/api/me'))).json()) as {
      csrfToken: string
    }
    const accepted = await page.request.post(
      urlOf(page, `${NEGOTIATION}/proposals/demo-fra-07a/accept`),
      {
        headers: { 'x-csrf-token': csrfToken },
        data: {},
      },
    )
    expect(accepted.status()).toBe(200)

    const revisions = new RevisionsPage(page)
    await revisions.openFromRoom()
    expect(page.url()).toMatch(/\/negotiations\/pacte-mondial\/revisions$/)
    await expect(revisions.row('Avant-projet').textContent()).resolves.toContain('Draftroom')

    await revisions.publish('Rev.1', 'Premier projet révisé')
    const rev1Row = await revisions.row('Rev.1').textContent()
    expect(rev1Row).toContain('Premier projet révisé')
    expect(rev1Row).toContain('Publiée')
    expect(await revisions.row('Rev.1').getByTestId('revision-docx').getAttribute('href')).toMatch(
      /format=docx$/,
    )

    const zeroDraft = await revisionId(page, 'Avant-projet')
    const rev1 = await revisionId(page, 'Rev.1')
    await revisions.compare(zeroDraft, rev1)
    expect(await page.getByTestId('compare-to').locator('option[value="live"]').textContent()).toBe(
      'Texte en cours',
    )
    await expect(page.getByTestId('compare-subtitle').textContent()).resolves.toBe(
      'Comparaison\u00a0: Avant-projet → Rev.1',
    )
    await expect(page.getByTestId('compare-summary').textContent()).resolves.toContain(
      '1\u00a0paragraphe modifié',
    )

    // Inline: one changed block, action a) of objective 7, the deletion struck through and the
    // insertion bold and underlined.
    expect(await revisions.changedBlocks().count()).toBe(1)
    const changed = revisions.changedBlocksOf(7)
    expect(await changed.getAttribute('data-status')).toBe('changed')
    expect(await changed.locator('.compare-number').textContent()).toBe('a)')
    expect(await changed.locator('.compare-badge').textContent()).toBe('Modifié')
    expect(await revisions.markedWords(changed)).toEqual({
      struck: ['involontairement'],
      boldUnderlined: ['directement ou indirectement'],
    })

    // The outline marks objective 7 alone, with its counts.
    await expect(revisions.outlineObjective(7).getAttribute('data-changed')).resolves.toBe('true')
    expect(await revisions.outlineObjective(7).textContent()).toContain('1\u00a0paragraphe')
    for (let objective = 1; objective <= 23; objective += 1) {
      if (objective === 7) continue
      expect(await revisions.outlineObjective(objective).getAttribute('data-changed')).toBe('false')
    }

    // Next change: lands on objective 7's action, highlighted and scrolled into view.
    expect(await revisions.isInView(changed)).toBe(false)
    await page.getByTestId('compare-next').click()
    expect(await revisions.currentBlock().getAttribute('data-objective')).toBe('7')
    await expect(page.getByTestId('compare-position').textContent()).resolves.toBe('1 / 1')
    await retryableAssertion(async () => expect(await revisions.isInView(changed)).toBe(true))
    expect(await page.getByTestId('compare-next').isDisabled()).toBe(true)

    // Side by side: the zero draft on the left with the deletion, Rev.1 on the right with the
    // insertion, on one row; the current change stays highlighted.
    await revisions.setMode('sideBySide')
    const row = revisions.changedBlocksOf(7)
    expect(await row.getAttribute('data-current')).toBe('true')
    expect(await revisions.markedWords(row.locator('[data-side="from"]'))).toEqual({
      struck: ['involontairement'],
      boldUnderlined: [],
    })
    expect(await revisions.markedWords(row.locator('[data-side="to"]'))).toEqual({
      struck: [],
      boldUnderlined: ['directement ou indirectement'],
    })
    // Both boxes in one frame: the window may still be scrolling to the change.
    const [fromBox, toBox] = await row.evaluate((element) =>
      ['from', 'to'].map((side) => {
        const cell = element.querySelector(`[data-side="${side}"]`)
        const box = cell?.getBoundingClientRect()
        return { left: box?.left ?? 0, right: box?.right ?? 0, top: box?.top ?? -1 }
      }),
    )
    expect(fromBox && toBox && fromBox.right <= toBox.left).toBe(true)
    expect(fromBox?.top).toBe(toBox?.top)

    // The exports: a Word document and a printable page of the same comparison.
    const docxHref = await page.getByTestId('compare-docx').getAttribute('href')
    expect(docxHref).toContain(`from=${zeroDraft}`)
    const docx = await page.request.get(urlOf(page, docxHref ?? ''))
    expect(docx.status()).toBe(200)
    expect(docx.headers()['content-type']).toBe(DOCX_TYPE)
    const htmlHref = await page.getByTestId('compare-html').getAttribute('href')
    const html = await page.request.get(urlOf(page, htmlHref ?? ''))
    expect(html.status()).toBe(200)
    expect(await html.text()).toContain('directement ou indirectement')
  })

  it('opens a comparison from its address, the latest revision against the live draft', async () => {
    if (!server) throw new Error('not started')
    const mex = await signedIn('mex')
    const revisions = new RevisionsPage(mex.page)
    await mex.page.goto(`${server.url}/negotiations/pacte-mondial/compare`)
    const rev1 = await revisionId(mex.page, 'Rev.1')
    await revisions.waitForComparison(rev1, 'live')
    await expect(mex.page.getByTestId('compare-summary').textContent()).resolves.toBe(
      'Aucune différence entre les deux textes.',
    )
    expect(await mex.page.getByTestId('compare-next').isDisabled()).toBe(true)
  })

  it('shows the lines an import cannot place, then imports a well-formed text', async () => {
    const che = await signedIn('che')
    const revisions = new RevisionsPage(che.page)
    await revisions.openFromRoom()

    const misplaced = ['Préambule', 'a) Une action hors de tout objectif', '1. Un paragraphe.']
    await revisions.submitImport(
      { name: 'rev2.txt', text: misplaced.join('\n') },
      'Rev.2',
      'Texte importé',
    )
    const problems = che.page.getByTestId('import-problems')
    await problems.waitFor()
    expect(await problems.locator('li').first().getAttribute('data-line')).toBe('2')
    expect(await problems.locator('li').first().textContent()).toMatch(/^Ligne 2\u00a0: /)

    const wellFormed = [
      'Préambule',
      '1. Nous, chefs d’État et de gouvernement, adoptons le présent Pacte mondial.',
      'Objectifs pour des migrations sûres, ordonnées et régulières',
      'Objectif 1 : Collecter et utiliser des données précises',
      '2. Nous nous engageons à renforcer la base de connaissances mondiale.',
      'a) Élaborer une stratégie globale ;',
    ]
    await revisions.submitImport(
      { name: 'rev2.txt', text: wellFormed.join('\n') },
      'Rev.2',
      'Texte importé',
    )
    await revisions.row('Rev.2').waitFor()
    expect(await revisions.row('Rev.2').textContent()).toContain('Importée')
    expect(await problems.count()).toBe(0)
  })

  it('lists the revisions for a delegation, without the co-facilitators’ forms', async () => {
    const fra = await signedIn('fra')
    const revisions = new RevisionsPage(fra.page)
    await revisions.openFromRoom()
    await revisions.row('Avant-projet').waitFor()
    expect(await fra.page.getByTestId('publish-submit').count()).toBe(0)
    expect(await fra.page.getByTestId('import-submit').count()).toBe(0)
  })
})
