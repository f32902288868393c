import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DraftResponse } from '../../shared/api.ts'
import type { PresentedProposal } from '../../shared/proposals.ts'
import type { ComparedParagraph } from '../../shared/compare/comparisonSchema.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'

const NID = 'pacte-mondial'
/** The demo's Philippines proposes a new action after action b) of objective 6. */
const NEW_ACTION = 'obj-06-b-phl'

/** The text of a DOCX's body, tags stripped (Word splits text into runs). */
const docxText = async (response: Response): Promise<string> => {
  expect(response.status).toBe(200)
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
  const xml = files['word/document.xml']
  if (!xml) throw new Error('no word/document.xml')
  return strFromU8(xml)
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
}

/**
 * Issue 16 through the HTTP API: agreed numbers never move because of a proposal (bis numbers
 * in the draft, the proposals, the Word draft and the compilation), until a revision published
 * from the draft consolidates them; ad ref paragraphs marked so in the exports.
 */
describe('bis numbers and ad ref status in the API and the exports', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let che: ApiClient
  const numbering = async () =>
    (await che.json<DraftResponse>('GET', `/api/negotiations/${NID}/draft`)).body.numbering

  beforeAll(async () => {
    server = await startTestServer()
    che = await ApiClient.signedIn(server.url, 'che')
  })
  afterAll(() => server.close())

  it('numbers a proposed action "b bis)" and leaves the agreed letters where they were', async () => {
    const numbers = await numbering()
    expect(numbers[NEW_ACTION]).toMatchObject({ kind: 'action', label: 'b bis)', added: 1 })
    expect(numbers['obj-06-b']?.label).toBe('b)')
    expect(numbers['obj-06-c']?.label).toBe('c)')
    const { body } = await che.json<{ proposals: PresentedProposal[] }>(
      'GET',
      `/api/negotiations/${NID}/proposals?objective=6`,
    )
    expect(body.proposals.map((p) => p.id)).toContain('demo-phl-06')
  })

  it('writes "b bis)" in the Word draft and the compilation, outside Word’s own numbering', async () => {
    const word = await docxText(
      await che.request('GET', `/api/negotiations/${NID}/draft/docx?lang=fr`),
    )
    expect(word).toContain('b bis)\tPromouvoir la conclusion d’accords bilatéraux')
    const html = await (
      await che.request('GET', `/api/negotiations/${NID}/proposals/compilation`)
    ).text()
    expect(html).toContain('b bis)')
    const compilation = await docxText(
      await che.request('GET', `/api/negotiations/${NID}/proposals/compilation?format=docx`),
    )
    expect(compilation).toContain('b bis)')
  })

  it('keeps "bis" on the accepted action until a revision is published, which consolidates', async () => {
    const accepted = await che.json('POST', `/api/negotiations/${NID}/proposals/demo-phl-06/accept`)
    expect(accepted.status).toBe(200)
    expect((await numbering())[NEW_ACTION]?.label).toBe('b bis)')
    expect((await numbering())['obj-06-c']?.label).toBe('c)')
    // Compared with the live draft, the accepted action is new as "b bis)" and c) has not moved.
    const revisions = await che.json<{ revisions: { id: string; symbol: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/revisions`,
    )
    const avantProjet = revisions.body.revisions.find((r) => r.symbol === 'Avant-projet')
    const comparison = await che.json<{ paragraphs: ComparedParagraph[] }>(
      'GET',
      `/api/negotiations/${NID}/compare?from=${avantProjet?.id}&to=live`,
    )
    const byNumber = (to: string) => comparison.body.paragraphs.filter((p) => p.toNumber === to)
    expect(byNumber('b bis)')).toMatchObject([{ status: 'inserted' }])
    expect(
      comparison.body.paragraphs.filter((p) => p.fromNumber === 'c)' && p.toNumber === 'c)').length,
    ).toBeGreaterThan(0)

    const published = await che.json('POST', `/api/negotiations/${NID}/revisions`, {
      symbol: 'Rév.1',
      title: 'Première révision',
    })
    expect(published.status).toBe(201)
    const numbers = await numbering()
    expect(numbers[NEW_ACTION]).toMatchObject({ label: 'c)', added: 0 })
    expect(numbers['obj-06-c']?.label).toBe('d)')
    const word = await docxText(
      await che.request('GET', `/api/negotiations/${NID}/draft/docx?lang=fr`),
    )
    expect(word).not.toContain('bis)')
  })

  it('prints the ad ref status in the compilation and the Word draft', async () => {
    const marked = await che.json('POST', `/api/negotiations/${NID}/blocks/p-10/status`, {
      status: 'adRef',
    })
    expect(marked.status).toBe(200)
    const html = await (
      await che.request('GET', `/api/negotiations/${NID}/proposals/compilation`)
    ).text()
    const entry = html.slice(html.indexOf('id="p-10"'), html.indexOf('id="p-11"'))
    expect(entry).toContain('[agréé ad referendum]')
    expect(html.split('agréé ad referendum')).toHaveLength(2)
    const compilation = await docxText(
      await che.request('GET', `/api/negotiations/${NID}/proposals/compilation?format=docx`),
    )
    expect(compilation).toContain('[agréé ad referendum]')
    const word = await docxText(
      await che.request('GET', `/api/negotiations/${NID}/draft/docx?lang=en`),
    )
    expect(word.split('[agreed ad referendum]')).toHaveLength(2)
  })
})
