import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import { WordEdits } from '../helpers/wordEdits.ts'

const NEGOTIATION = '/api/negotiations/pacte-mondial'
const INSERTED = ' et de transit'
// Set to a folder to keep the dialog's screenshots at three widths (looked at by hand).
const SCREENSHOTS_DIR = process.env.WORD_SCREENSHOTS_DIR ?? ''

let server: TestServer | undefined
let session: BrowserSession | undefined

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-word-amendments'))
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

describe('the Import Word amendments dialog', () => {
  it('previews a delegation’s Word file, then creates its proposals', async () => {
    if (!session || !server) throw new Error('not started')
    const mar = await session.newDraftPage('mar')
    await mar.open(server.url)
    await mar.signIn('mar')
    const page = mar.page

    // The room's own Word export, edited as the delegate would in Word.
    const href = await page.getByTestId('word-export').getAttribute('href')
    expect(href).toBe(`${NEGOTIATION}/draft/docx?lang=fr`)
    const exported = await page.request.get(new URL(href!, page.url()).href)
    expect(exported.status()).toBe(200)
    const docx = new WordEdits(new Uint8Array(await exported.body()))
      .insert('p-02', 'Nations Unies', INSERTED, 'Ahmed Benali', 'Les pays de transit aussi.')
      .delete('p-03', 'ne sont pas nouveaux', 'Ahmed Benali')
      .toDocx()

    // Below 1,360 px the Word door is in the outline's drawer: open it as a delegate would.
    const outlineToggle = page.getByTestId('toggle-outline')
    if (await outlineToggle.isVisible()) await outlineToggle.click()
    await page.getByTestId('word-import-open').click()
    const dialog = page.getByTestId('word-import-dialog')
    await expect(dialog.getByRole('heading').textContent()).resolves.toBe(
      'Importer des amendements Word',
    )
    expect(await page.getByTestId('word-import-apply').isDisabled()).toBe(true)
    await page.getByTestId('word-import-file').setInputFiles({
      name: 'amendements-maroc.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docx),
    })
    await page.getByTestId('word-import-preview').click()
    await expect(page.getByTestId('word-import-counts').textContent()).resolves.toBe(
      'Placées par identifiant\u00a0: 2\u00a0; par le texte\u00a0: 0\u00a0; non placées\u00a0: 0\u00a0; déjà proposées\u00a0: 1',
    )
    const rows = page.getByTestId('word-import-report').locator('tbody tr[data-status="create"]')
    expect(await rows.count()).toBe(2)
    expect(await rows.first().textContent()).toContain(INSERTED.trim())
    if (SCREENSHOTS_DIR) {
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
      for (const width of [1024, 1280, 1440]) {
        await page.setViewportSize({ width, height: 900 })
        await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `word-import-${width}.png`) })
      }
    }

    await page.getByTestId('word-import-apply').click()
    await expect(page.getByTestId('word-import-done').textContent()).resolves.toBe(
      '2 propositions créées.',
    )
    // The editor shows MAR's new insertion, from the live draft.
    await page.locator('ins.proposal-insertion', { hasText: INSERTED.trim() }).first().waitFor()
  })
})
