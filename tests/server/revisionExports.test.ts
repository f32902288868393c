import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Comparison } from '../../shared/compare/index.ts'
import { blocksOfJSON, type BlockNumber, type DraftJSON } from '../../shared/numbering.ts'
import type { RevisionSummary } from '../../shared/revisions.ts'
import { newUid } from '../../shared/schema/index.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { blockByUid, connectWithToken, eventually } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const API = `/api/negotiations/${NID}`
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const TITLE = 'Pacte mondial pour des migrations sûres, ordonnées et régulières'
const INVOLUNTARILY = 'involontairement'
const DIRECTLY = 'directement ou indirectement'
/** A paragraph a co-facilitator types live, with everything HTML and XML must escape. */
const ADDED = 'Nous saluons « l’esprit de Marrakech » & <script>alert("x")</script> d\'abord.'

interface RevisionDetail extends RevisionSummary {
  document: DraftJSON
  numbering: Record<string, BlockNumber>
}

const textOfNode = (node: DraftJSON | undefined): string =>
  node?.text ?? (node?.content ?? []).map(textOfNode).join('')

const escaped = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')

/** The blocks of an exported HTML page: class, label and text (tags kept). */
const htmlBlocks = (html: string) =>
  [
    ...html.matchAll(
      /<div class="block (\w+)"><span class="label">(.*?)<\/span><span class="text">(.*?)<\/span><\/div>/g,
    ),
  ].map(([, kind, label, text]) => ({ kind, label, text: text ?? '' }))

/** The runs of word/document.xml: their XML and their text. */
const runsOf = (xml: string) =>
  (xml.match(/<w:r>.*?<\/w:r>/gs) ?? []).map((run) => ({
    xml: run,
    text: unescapeXml(
      [...run.matchAll(/<w:(?:t|delText)(?: [^>]*)?>(.*?)<\/w:(?:t|delText)>/gs)]
        .map((m) => m[1])
        .join(''),
    ),
  }))

/** The paragraphs of word/document.xml as text, tabs included. */
const paragraphsOf = (xml: string) =>
  (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []).map((paragraph) =>
    unescapeXml(
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>|<w:tab\/>/gs)]
        .map((m) => m[1] ?? '\t')
        .join(''),
    ),
  )

const documentXml = async (response: Response) => {
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
  const xml = files['word/document.xml']
  if (!xml) throw new Error('no word/document.xml')
  return strFromU8(xml)
}

describe('exports of revisions and comparisons (HTML and DOCX)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let che: ApiClient
  let avantProjet = ''
  let rev1: RevisionDetail
  let addedUid = ''

  beforeAll(async () => {
    server = await startTestServer()
    che = await ApiClient.signedIn(server.url, 'che')
    const list = await che.json<{ revisions: RevisionSummary[] }>('GET', `${API}/revisions`)
    avantProjet = list.body.revisions.find((r) => r.symbol === 'Avant-projet')?.id ?? ''
    expect((await che.json('POST', `${API}/proposals/demo-fra-07a/accept`, {})).status).toBe(200)

    // A co-facilitator adds a second paragraph to the preamble, live, with a stock client.
    const editor = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: await che.createToken(),
    })
    await editor.synced()
    addedUid = newUid()
    editor.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.setAttribute('uid', addedUid)
      const text = new Y.XmlText()
      paragraph.insert(0, [text])
      text.insert(0, ADDED)
      blockByUid(editor.doc, 'preamble').insert(2, [paragraph])
    })
    await eventually(async () => {
      const { body } = await che.json<{ document: DraftJSON }>('GET', `${API}/draft`)
      expect(blocksOfJSON(body.document).some((b) => b.attrs?.uid === addedUid)).toBe(true)
    })
    editor.destroy()

    const published = await che.json<RevisionSummary>('POST', `${API}/revisions`, {
      symbol: 'Rev.1',
      title: 'Première révision',
    })
    expect(published.status).toBe(201)
    rev1 = (await che.json<RevisionDetail>('GET', `${API}/revisions/${published.body.id}`)).body
  })
  afterAll(() => server.close())

  const get = (path: string) =>
    che.request('GET', path).then((response) => {
      expect(response.status, path).toBe(200)
      return response
    })
  const labelOf = (uid: string) => rev1.numbering[uid]?.label
  const textIn = (uid: string) =>
    textOfNode(blocksOfJSON(rev1.document).find((b) => b.attrs?.uid === uid))

  it('exports a revision as a complete, printable HTML page with numbered, escaped paragraphs', async () => {
    const response = await get(`${API}/revisions/${rev1.id}?format=html`)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">/)
    expect(html.trimEnd()).toMatch(/<\/body><\/html>$/)
    expect(html).toContain(`<title>Rev.1 — ${TITLE}</title>`)
    expect(html).toContain(`<h1>${TITLE}</h1>`)
    expect(html).toContain('<p class="subtitle">Première révision</p>')

    const blocks = htmlBlocks(html)
    // Every paragraph, its number in the margin, 1. to 55. in order (54 and the new one).
    const numbered = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.label)
    expect(numbered).toEqual(Array.from({ length: 55 }, (_, i) => `${i + 1}.`))
    expect(blocks).toContainEqual({ kind: 'paragraph', label: '1.', text: escaped(textIn('p-01')) })
    expect(blocks).toContainEqual({ kind: 'paragraph', label: '2.', text: escaped(ADDED) })
    expect(blocks).toContainEqual({
      kind: 'paragraph',
      label: '18.',
      text: escaped(textIn('obj-01-commitment')),
    })
    expect(blocks).toContainEqual({
      kind: 'objectiveTitle',
      label: 'Objectif 7 :',
      text: escaped(textIn('obj-07-title')),
    })
    const action7a = blocks.find((b) => b.kind === 'action' && b.text.startsWith('Examiner'))
    expect(action7a).toMatchObject({ label: 'a)' })
    expect(action7a?.text).toContain(DIRECTLY)
    expect(action7a?.text).not.toContain(INVOLUNTARILY)

    // Escaped: the typed markup is text, not markup.
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; d&#39;abord.')
  })

  it('exports the agreed text: open proposals left out, and actions lettered without a gap', async () => {
    // PHL's open proposal adds a whole action after objective 6 b): not part of the agreed text.
    const html = await (await get(`${API}/revisions/${rev1.id}?format=html`)).text()
    expect(html).not.toContain('y compris dans les pays de transit') // MAR's open insertion
    expect(html).not.toContain('Promouvoir la conclusion d’accords bilatéraux') // PHL's new action
    const blocks = htmlBlocks(html)
    const objective6 = blocks.findIndex((b) => b.label === 'Objectif 6 :')
    const objective7 = blocks.findIndex((b) => b.label === 'Objectif 7 :')
    const actions6 = blocks.slice(objective6, objective7).filter((b) => b.kind === 'action')
    const letters = actions6.map((_, i) => `${String.fromCharCode(97 + i)})`)
    // The comparison letters the agreed text the same way.
    const comparison = await che.json<Comparison>(
      'GET',
      `${API}/compare?from=${avantProjet}&to=${rev1.id}`,
    )
    expect(
      comparison.body.paragraphs
        .filter((p) => p.objective === 6 && p.type === 'action')
        .map((p) => p.toNumber),
    ).toEqual(letters)
    expect.soft(actions6.map((b) => b.label)).toEqual(letters)

    const docx = paragraphsOf(
      await documentXml(await get(`${API}/revisions/${rev1.id}?format=docx`)),
    )
    expect(docx).toContain(`c)\t${textIn('obj-06-c')}`)
  })

  it('exports a revision as a Word attachment holding its numbered text', async () => {
    const response = await get(`${API}/revisions/${rev1.id}?format=docx`)
    expect(response.headers.get('content-type')).toBe(DOCX_TYPE)
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?pacte-mondial-Rev\.1\.docx"?$/,
    )
    const xml = await documentXml(response)
    expect(xml).not.toContain('<script>')
    const paragraphs = paragraphsOf(xml)
    expect(paragraphs).toContain(`1.\t${textIn('p-01')}`)
    expect(paragraphs).toContain(`2.\t${ADDED}`)
    expect(paragraphs).toContain(`${labelOf('obj-01-commitment')}\t${textIn('obj-01-commitment')}`)
    expect(paragraphs).toContain(`Objectif 7 :\t${textIn('obj-07-title')}`)
    expect(paragraphs).toContain(`a)\t${textIn('obj-07-a')}`)
    expect(paragraphs.some((p) => p.includes(TITLE))).toBe(true)
  })

  it('exports a comparison as Word: insertions and deletions tracked by the later revision', async () => {
    const response = await get(`${API}/compare?from=${avantProjet}&to=${rev1.id}&format=docx`)
    expect(response.headers.get('content-type')).toBe(DOCX_TYPE)
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?pacte-mondial-Avant-projet-Rev\.1\.docx"?$/,
    )
    const xml = await documentXml(response)
    const runs = runsOf(xml)
    // Tracked changes of the later revision: Word lists them by author and can accept them.
    const tracked = (tag: 'ins' | 'del') =>
      (xml.match(new RegExp(`<w:${tag} [^>]*>.*?</w:${tag}>`, 'gs')) ?? []).filter((change) =>
        change.includes('w:author="Rev.1"'),
      )
    const isInserted = (run: { xml: string }) => tracked('ins').some((c) => c.includes(run.xml))
    const isDeleted = (run: { xml: string }) => tracked('del').some((c) => c.includes(run.xml))

    const added = runs.filter((run) => run.text.trim() === DIRECTLY)
    expect(added).toHaveLength(1)
    expect(added.every(isInserted)).toBe(true)
    expect(added.some(isDeleted)).toBe(false)
    const removed = runs.filter((run) => run.text.trim() === INVOLUNTARILY)
    expect(removed).toHaveLength(1)
    expect(removed.every(isDeleted)).toBe(true)
    expect(removed.some(isInserted)).toBe(false)
    const newParagraph = runs.filter((run) => run.text === ADDED)
    expect(newParagraph).toHaveLength(1)
    expect(newParagraph.every(isInserted)).toBe(true)

    // Kept text is plain.
    const kept = runs.find((run) => run.text === textIn('p-01'))
    expect(kept).toBeDefined()
    expect(kept && (isInserted(kept) || isDeleted(kept) || kept.xml.includes('<w:b/>'))).toBe(false)
    expect(runs.filter(isDeleted).map((run) => run.text.trim())).toEqual([INVOLUNTARILY])
  })

  it('escapes a revision’s symbol and title, and keeps the file name safe', async () => {
    const published = await che.json<RevisionSummary>('POST', `${API}/revisions`, {
      symbol: 'Rév.2 "<b>"',
      title: 'Révision & <em>consolidée</em>',
    })
    expect(published.status).toBe(201)
    const html = await (await get(`${API}/revisions/${published.body.id}?format=html`)).text()
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('<em>')
    expect(html).toContain(`<title>Rév.2 &quot;&lt;b&gt;&quot; — ${TITLE}</title>`)
    expect(html).toContain('<p class="subtitle">Révision &amp; &lt;em&gt;consolidée&lt;/em&gt;</p>')

    const docx = await get(`${API}/revisions/${published.body.id}?format=docx`)
    expect(docx.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?pacte-mondial-R-v\.2-b-\.docx"?$/,
    )
    expect(paragraphsOf(await documentXml(docx))).toContain('Révision & <em>consolidée</em>')
    const comparison = await get(
      `${API}/compare?from=${avantProjet}&to=${published.body.id}&format=html`,
    )
    expect(await comparison.text()).toContain(
      '<p class="subtitle">Avant-projet → Rév.2 &quot;&lt;b&gt;&quot;</p>',
    )
  })

  it('exports a comparison as HTML with <ins> and <del> around the words', async () => {
    const response = await get(`${API}/compare?from=${avantProjet}&to=${rev1.id}&format=html`)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    expect(html).toMatch(/^<!doctype html>/)
    expect(html.trimEnd()).toMatch(/<\/html>$/)
    expect(html).toContain('<p class="subtitle">Avant-projet → Rev.1</p>')
    expect([...html.matchAll(/<del>(.*?)<\/del>/g)].map((m) => m[1]?.trim())).toEqual([
      INVOLUNTARILY,
    ])
    expect([...html.matchAll(/<ins>(.*?)<\/ins>/g)].map((m) => m[1]?.trim())).toEqual([
      escaped(ADDED),
      DIRECTLY,
    ])
    expect(html).not.toContain('<script>')
    const blocks = htmlBlocks(html)
    expect(blocks.find((b) => b.text.startsWith(`<ins>${escaped(ADDED)}`))).toMatchObject({
      kind: 'paragraph',
      label: '2.',
    })
    // French plurals: 0 and 1 singular, never "paragraphe(s)".
    expect(html).toMatch(/<p class="summary">1 paragraphe modifié, 1 inséré, 0 supprimé, /)
    expect(html).not.toContain('(s)')
  })
})
