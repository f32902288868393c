import fs from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProposalRecord } from '../../shared/draft/index.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'

const NID = 'pacte-mondial'
const PARAGRAPH_ALT = 'Les États coopèrent <étroitement> sur toutes les questions de migration.'
const ACTION_ALT = 'Renforcer les capacités statistiques nationales.'
// ALT_DOCX=<directory> keeps the compilation DOCX, to render and look at.
const KEEP_DIR = process.env.ALT_DOCX

/** The text of a DOCX's body, tags stripped (Word splits text into runs). */
const docxText = async (response: Response, keepAs?: string): Promise<string> => {
  expect(response.status).toBe(200)
  const bytes = new Uint8Array(await response.arrayBuffer())
  if (KEEP_DIR && keepAs) fs.writeFileSync(path.join(KEEP_DIR, keepAs), bytes)
  const xml = unzipSync(bytes)['word/document.xml']
  if (!xml) throw new Error('no word/document.xml')
  return strFromU8(xml)
    .replace(/<w:bookmarkStart [^>]*w:name="([^"]+)"[^>]*>/g, '[[$1]]')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
}

/**
 * Alternatives in the exports (issue 16): the compilation (HTML, DOCX) and the Word draft print
 * each open Alt after its paragraph as UN texts do, "Alt 5. <wording> [FRA]"; an accepted one
 * is the paragraph's text and no longer an Alt in the Word draft.
 */
describe('alternatives in the compilation and the Word draft', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let che: ApiClient
  let fra: ApiClient
  let paragraphAlt: ProposalRecord

  beforeAll(async () => {
    server = await startTestServer()
    che = await ApiClient.signedIn(server.url, 'che')
    fra = await ApiClient.signedIn(server.url, 'fra')
    const mar = await ApiClient.signedIn(server.url, 'mar')
    const propose = async (who: ApiClient, uid: string, text: string) => {
      const made = await who.json<ProposalRecord>(
        'POST',
        `/api/negotiations/${NID}/blocks/${uid}/alternatives`,
        { text, rationale: 'Plus net.' },
      )
      expect(made.status).toBe(201)
      return made.body
    }
    paragraphAlt = await propose(fra, 'p-05', PARAGRAPH_ALT)
    await propose(mar, 'obj-02-c', ACTION_ALT)
  })
  afterAll(() => server.close())

  it('prints them under their paragraph in the compilation, HTML and DOCX', async () => {
    const html = await (
      await che.request('GET', `/api/negotiations/${NID}/proposals/compilation`)
    ).text()
    const entry = html.slice(html.indexOf('id="p-05"'), html.indexOf('id="p-06"'))
    expect(entry).toContain(
      '<i class="alt-label">Alt 5.</i> Les États coopèrent &lt;étroitement&gt; sur toutes les questions de migration. [FRA]',
    )
    expect(html).toContain(`<i class="alt-label">Alt c)</i> ${ACTION_ALT} [MAR]`)
    const docx = await docxText(
      await che.request('GET', `/api/negotiations/${NID}/proposals/compilation?format=docx`),
      'alternatives-compilation.docx',
    )
    expect(docx).toContain(`Alt 5. ${PARAGRAPH_ALT} [FRA]`)
    expect(docx).toContain(`Alt c) ${ACTION_ALT} [MAR]`)
  })

  it('prints each open one after its paragraph in the Word draft, and not once accepted', async () => {
    const word = await docxText(
      await fra.request('GET', `/api/negotiations/${NID}/draft/docx?lang=fr`),
    )
    // Between paragraph 5 and paragraph 6 (their uid bookmarks), as a paragraph of its own.
    const at = word.indexOf(`Alt 5. ${PARAGRAPH_ALT} [FRA]`)
    expect(at).toBeGreaterThan(word.indexOf('[[dr_p_05]]'))
    expect(at).toBeLessThan(word.indexOf('[[dr_p_06]]'))
    expect(word).toContain(`Alt c) ${ACTION_ALT} [MAR]`)

    const accepted = await che.json(
      'POST',
      `/api/negotiations/${NID}/proposals/${paragraphAlt.id}/accept`,
    )
    expect(accepted.status).toBe(200)
    const after = await docxText(
      await fra.request('GET', `/api/negotiations/${NID}/draft/docx?lang=fr`),
    )
    expect(after).not.toContain('Alt 5.')
    expect(after).toContain(PARAGRAPH_ALT)
    expect(after).toContain(`Alt c) ${ACTION_ALT} [MAR]`)
  })
})
