import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { RevisionSummary } from '../../shared/revisions.ts'
import { collabSuite } from '../helpers/collabSuite.ts'

const NID = 'pacte-mondial'
const API = `/api/negotiations/${NID}`
const AD_REF = '[agréé ad referendum]'

/** The paragraphs of word/document.xml as text. */
const docxParagraphs = async (response: Response) => {
  const xml = strFromU8(
    unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']!,
  )
  return (xml.match(/<w:p[ >].*?<\/w:p>/gs) ?? []).map((p) =>
    (p.match(/<w:t(?: [^>]*)?>.*?<\/w:t>/gs) ?? []).join('').replace(/<[^>]+>/g, ''),
  )
}

/**
 * A published revision prints the status of its paragraphs agreed ad referendum, as the
 * compilation does (issue 16): after the paragraph, and only there.
 */
describe('the ad ref status in revision exports', () => {
  const suite = collabSuite(NID, ['che'] as const)

  it('prints "[agréé ad referendum]" with the paragraphs agreed ad ref, in HTML and DOCX', async () => {
    const { che } = suite.api
    const marked = await che.json('POST', `${API}/blocks/p-10/status`, { status: 'adRef' })
    expect(marked.status).toBe(200)
    const published = await che.json<RevisionSummary>('POST', `${API}/revisions`, {
      symbol: 'Rev.adref',
      title: 'Révision avec ad ref',
    })
    expect(published.status).toBe(201)
    const revision = `${API}/revisions/${published.body.id}`

    const html = await (await che.request('GET', `${revision}?format=html`)).text()
    const blocks = html.match(/<div class="block .*?<\/div>/g) ?? []
    const withStatus = blocks.filter((block) => block.includes(AD_REF))
    expect(withStatus).toHaveLength(1)
    expect(withStatus[0]).toContain('<span class="label">10.</span>')

    const paragraphs = await docxParagraphs(await che.request('GET', `${revision}?format=docx`))
    const at = paragraphs.findIndex((p) => p.includes(AD_REF))
    expect(at).toBeGreaterThan(0)
    expect(paragraphs.filter((p) => p.includes(AD_REF))).toHaveLength(1)
    expect(paragraphs[at - 1]).toMatch(/^10\./)
  })
})
