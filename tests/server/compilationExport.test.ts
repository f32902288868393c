import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deletionKey } from '../../shared/draft/index.ts'
import type { PresentedProposal } from '../../shared/proposals.ts'
import { escapeHtml } from '../../server/exports/compilationHtml.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { blockByUid, connectWithToken, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const COMPILATION = `/api/negotiations/${NID}/proposals/compilation`
const INJECTION = '<script>alert(1)</script>'
const RATIONALE = 'Urgence <img src=x onerror=alert(2)> humanitaire.'
const NEW_PARAGRAPH = 'Un nouveau paragraphe proposé par le Maroc.'
const ref = (proposalId: string, delegation: string) => ({ proposalId, delegation })

/** The HTML of one block's entry (its text and its proposals), found by its anchor. */
const entryOf = (html: string, uid: string) => {
  const start = html.indexOf(`id="${uid}"`)
  if (start < 0) throw new Error(`no entry ${uid}`)
  const end = html.indexOf('<div class="entry', start)
  return html.slice(start, end < 0 ? undefined : end)
}

describe('the compilation of proposals (HTML and DOCX)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  const api = {} as Record<'fra' | 'mar' | 'che' | 'iom', ApiClient>
  let p03 = ''

  beforeAll(async () => {
    server = await startTestServer()
    const tokens: Record<string, string> = {}
    for (const name of ['fra', 'mar', 'che', 'iom'] as const) {
      api[name] = await ApiClient.signedIn(server.url, name)
      tokens[name] = await api[name].createToken()
    }
    const connect = async (name: string) => {
      const client = connectWithToken({
        baseUrl: server.url,
        negotiationId: NID,
        token: tokens[name]!,
        isDraftroomClient: true,
      })
      await client.synced()
      return client
    }
    const fra = await connect('fra')
    const mar = await connect('mar')
    // yjs types XmlText#toString as any.
    p03 = String(textOf(blockByUid(fra.doc, 'p-03')).toString())

    textOf(blockByUid(fra.doc, 'obj-03-a')).insert(0, 'Sans délai, ', {
      insertion: ref('fra-ins', 'FRA'),
    })
    textOf(blockByUid(fra.doc, 'obj-03-b')).insert(0, `${INJECTION} `, {
      insertion: ref('fra-inject', 'FRA'),
    })
    const fraDeletion = ref('fra-del', 'FRA')
    textOf(blockByUid(fra.doc, 'p-03')).format(0, 12, { [deletionKey(fraDeletion)]: fraDeletion })
    textOf(blockByUid(fra.doc, 'obj-05-a')).insert(0, 'Rejeté ', {
      insertion: ref('fra-rej', 'FRA'),
    })
    textOf(blockByUid(fra.doc, 'obj-05-b')).insert(0, 'Accepté ', {
      insertion: ref('fra-acc', 'FRA'),
    })

    // FRA's proposals are recorded first, so that the compilation lists them first.
    await eventually(async () => {
      const { body } = await api.che.json<{ proposals: PresentedProposal[] }>(
        'GET',
        `/api/negotiations/${NID}/proposals?status=open`,
      )
      expect(body.proposals.map((p) => p.id)).toContain('fra-acc')
    })
    const marDeletion = ref('mar-del', 'MAR')
    textOf(blockByUid(mar.doc, 'p-03')).format(4, 12, { [deletionKey(marDeletion)]: marDeletion })
    textOf(blockByUid(mar.doc, 'obj-04-a')).insert(0, 'Retiré ', {
      insertion: ref('mar-wd', 'MAR'),
    })
    // A whole new paragraph after p-02: it is numbered 2 bis and p-03 stays paragraph 3.
    const preamble = mar.doc.getXmlFragment('default').get(0) as Y.XmlElement
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.setAttribute('uid', 'mar-new-par')
    // The schema stores the reference as an object; yjs types attributes as strings by default.
    paragraph.setAttribute('insertedBy', ref('mar-new', 'MAR') as unknown as string)
    const text = new Y.XmlText()
    text.insert(0, NEW_PARAGRAPH, { insertion: ref('mar-new', 'MAR') })
    paragraph.insert(0, [text])
    preamble.insert(3, [paragraph])

    await eventually(async () => {
      const { body } = await api.che.json<{ proposals: PresentedProposal[] }>(
        'GET',
        `/api/negotiations/${NID}/proposals?status=open`,
      )
      const ids = body.proposals.map((p) => p.id)
      for (const id of ['fra-ins', 'fra-inject', 'fra-del', 'fra-rej', 'fra-acc']) {
        expect(ids).toContain(id)
      }
      for (const id of ['mar-del', 'mar-wd', 'mar-new']) expect(ids).toContain(id)
    })
    fra.destroy()
    mar.destroy()

    const act = async (who: keyof typeof api, id: string, action: string, body = {}) => {
      const response = await api[who].json(
        'POST',
        `/api/negotiations/${NID}/proposals/${id}/${action}`,
        body,
      )
      expect(response.status, `${who} ${action} ${id}`).toBe(200)
    }
    await act('mar', 'fra-ins', 'support')
    await act('fra', 'fra-ins', 'comment', { text: RATIONALE, isRationale: true })
    await act('che', 'fra-rej', 'reject')
    await act('che', 'fra-acc', 'accept')
    await act('mar', 'mar-wd', 'withdraw')
  })
  afterAll(() => server.close())

  const fetchCompilation = (query: string, who: ApiClient = api.che) =>
    who.request('GET', `${COMPILATION}${query}`)

  it('renders a printable HTML page: numbers, delegations, changes, supporters, statuses', async () => {
    const response = await fetchCompilation('?format=html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('@media print')
    expect(html).toContain('size: A4')
    expect(html).toContain('Pacte mondial pour des migrations sûres, ordonnées et régulières')
    expect(html).toContain('Compilation des propositions')

    // The insertion, in context, under its action; the action's own text is the agreed text.
    const action = entryOf(html, 'obj-03-a')
    expect(action).toContain('<span class="num">a)</span>')
    expect(action.split('<ol')[0]).not.toContain('Sans délai')
    expect(action).toContain('<span class="who">France (FRA)</span>')
    expect(action).toContain('<ins>Sans délai, </ins>')
    expect(action).toContain('Appuyée par :</span> Maroc (MAR)')
    expect(action).toContain('<span class="status">ouvert</span>')
    expect(action).toContain(`Justification :</span> ${escapeHtml(RATIONALE)}`)

    // The new paragraph is numbered 2 bis (agreed numbers never move because of a proposal);
    // the overlapping deletions both stand under paragraph 3.
    const added = entryOf(html, 'mar-new-par')
    expect(added).toContain('<span class="num">2 bis.</span><span class="proposed">')
    expect(added).toContain(`<ins>${NEW_PARAGRAPH}</ins>`)
    expect(added).toContain('Maroc (MAR)')
    const overlapped = entryOf(html, 'p-03')
    expect(overlapped).toContain(`<span class="num">3.</span>${escapeHtml(p03.slice(0, 40))}`)
    expect(overlapped).toContain(`<del>${escapeHtml(p03.slice(0, 12))}</del>`)
    expect(overlapped).toContain(`<del>${escapeHtml(p03.slice(4, 16))}</del>`)
    expect(overlapped.indexOf('France (FRA)')).toBeLessThan(overlapped.indexOf('Maroc (MAR)'))

    // Objective headings, and the decided proposals under the blocks where they were made.
    expect(html).toMatch(/<h3 class="objective-title" id="obj-05-title">Objectif 5\u00a0: /)
    expect(entryOf(html, 'obj-05-a')).toContain('<span class="status">rejeté</span>')
    expect(entryOf(html, 'obj-05-b')).toContain('<span class="status">accepté</span>')
    expect(entryOf(html, 'obj-04-a')).toContain('<span class="status">retiré</span>')

    // What a delegation typed is text, never markup.
    expect(html).not.toContain(INJECTION)
    expect(html).not.toContain('<img')
    expect(entryOf(html, 'obj-03-b')).toContain(`<ins>${escapeHtml(INJECTION)} </ins>`)
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")

    // The summary counts what the proposal list says, per status.
    const { body } = await api.che.json<{ proposals: PresentedProposal[] }>(
      'GET',
      `/api/negotiations/${NID}/proposals`,
    )
    for (const [status, label] of [
      ['open', 'ouvert'],
      ['accepted', 'accepté'],
      ['rejected', 'rejeté'],
      ['withdrawn', 'retiré'],
    ] as const) {
      const count = body.proposals.filter((p) => p.status === status).length
      expect(html).toContain(`<tr><th scope="row">${label}</th><td>${count}</td></tr>`)
    }
  })

  it('filters by status', async () => {
    const html = await (await fetchCompilation('?format=html&status=open')).text()
    expect(html).toContain('<ins>Sans délai, </ins>')
    expect(html).not.toContain('<span class="status">retiré</span>')
    expect(html).toContain('<tr><th scope="row">retiré</th><td>0</td></tr>')
    expect((await fetchCompilation('?status=maybe')).status).toBe(400)
  })

  it('filters by delegation and objective, as the room’s panel does', async () => {
    const ofMorocco = await (await fetchCompilation('?format=html&delegation=MAR')).text()
    expect(ofMorocco).not.toContain('<ins>Sans délai, </ins>')
    expect(ofMorocco).toContain(NEW_PARAGRAPH)
    const ofObjective3 = await (await fetchCompilation('?format=html&objective=3')).text()
    expect(ofObjective3).toContain('<ins>Sans délai, </ins>')
    // Morocco's new paragraph is in the preamble, outside every objective.
    expect(ofObjective3).not.toContain(NEW_PARAGRAPH)
    const byUid = await (await fetchCompilation('?format=html&objective=obj-03')).text()
    expect(byUid).toContain('<ins>Sans délai, </ins>')
    expect((await fetchCompilation('?delegation=fra')).status).toBe(400)
    expect((await fetchCompilation('?objective=99')).status).toBe(400)
    expect((await fetchCompilation('?format=docx&delegation=MAR&objective=4')).status).toBe(200)
  })

  it('exports a Word document: proposals as tracked changes by their delegation', async () => {
    const response = await fetchCompilation('?format=docx')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="compilation-${NID}.docx"`,
    )
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml).toContain('Compilation des propositions')
    expect(xml).toContain('Objectif 3\u00a0:')
    expect(xml).toContain('France (FRA)')
    expect(xml).toContain('Appuyée par')
    expect(xml).toContain('Maroc (MAR)')
    for (const status of ['ouvert', 'accepté', 'rejeté', 'retiré']) expect(xml).toContain(status)

    // Real tracked changes, authored by the delegation and dated when proposed.
    const insertionOf = (text: string) =>
      (xml.match(/<w:ins [^>]*>.*?<\/w:ins>/gs) ?? []).filter((ins) => ins.includes(text))
    const inserted = insertionOf('Sans délai, ')
    expect(inserted.length).toBeGreaterThan(0)
    for (const ins of inserted) {
      expect(ins).toMatch(/w:author="France"/)
      expect(ins).toMatch(/w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/)
    }
    expect(insertionOf(NEW_PARAGRAPH).some((ins) => ins.includes('w:author="Maroc"'))).toBe(true)
    const deletions = xml.match(/<w:del [^>]*>.*?<\/w:del>/gs) ?? []
    for (const [fragment, author] of [
      [p03.slice(0, 12), 'France'],
      [p03.slice(4, 16), 'Maroc'],
    ] as const) {
      const text = escapeHtml(fragment).replace(/&#39;/g, '&apos;')
      expect(
        deletions.some((d) => d.includes(`w:author="${author}"`) && d.includes(text)),
        fragment,
      ).toBe(true)
      expect(deletions.every((d) => !d.includes('<w:t '))).toBe(true)
    }
    expect(xml).not.toContain(INJECTION)
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('refuses an unknown format, and anyone signed out; observers may read it', async () => {
    expect((await fetchCompilation('?format=pdf')).status).toBe(400)
    const anonymous = new ApiClient(server.url)
    expect((await fetchCompilation('?format=html', anonymous)).status).toBe(401)
    expect((await fetchCompilation('?format=docx', api.iom)).status).toBe(200)
    expect((await fetchCompilation('', api.fra)).status).toBe(200)
  })
})
