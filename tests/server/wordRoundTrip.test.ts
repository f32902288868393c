import { createHash } from 'node:crypto'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { DELETED_BY_ATTR, INSERTED_BY_ATTR, refOf } from '../../shared/draft/index.ts'
import type { PresentedProposal } from '../../shared/proposals.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { zipBomb } from '../helpers/hostileImports.ts'
import { WordEdits } from '../helpers/wordEdits.ts'
import { blockByUid, connectWithToken, deltaOf, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const API = `/api/negotiations/${NID}`
const AUTHOR = 'Ahmed Benali'
const INSERTED = ' et de transit'
const RATIONALE = 'Les pays de transit sont aussi concernés.'
const NEW_ACTION = 'Créer des couloirs de protection pour les migrants en transit ;'

interface Report {
  counts: { placedByUid: number; placedByText: number; notPlaced: number; alreadyProposed: number }
  authors: { author: string; delegation: string | null; reason: string }[]
  needsMapping: boolean
  created: { proposalId: string; delegation: string }[]
  sha256: string
  paragraphs: {
    index: number
    blockUid: string | null
    changes: { kind: string; status: string; inserted: string; deleted: string }[]
  }[]
}

/** Uploads a .docx to the preview or apply step, as the dialog does. */
async function send(
  client: ApiClient,
  step: 'preview' | 'apply',
  bytes: Uint8Array,
  authors?: Record<string, string>,
) {
  const query = authors ? `?authors=${encodeURIComponent(JSON.stringify(authors))}` : ''
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' }
  if (client.cookie) headers.cookie = client.cookie
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken
  const response = await fetch(`${client.baseUrl}${API}/amendments/${step}${query}`, {
    method: 'POST',
    headers,
    body: Buffer.from(bytes),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as Report & {
      error?: { code: string; message: string }
    },
  }
}

describe('Word round trip: export with tracked changes, a delegation’s amendments back in', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  const api = {} as Record<'che' | 'mar' | 'fra' | 'iom', ApiClient>
  let exported = new Uint8Array()
  let p02 = ''

  beforeAll(async () => {
    server = await startTestServer()
    for (const name of ['che', 'mar', 'fra', 'iom'] as const) {
      api[name] = await ApiClient.signedIn(server.url, name)
    }
    const response = await api.che.request('GET', `${API}/draft/docx`)
    expect(response.status).toBe(200)
    exported = new Uint8Array(await response.arrayBuffer())
  })
  afterAll(async () => {
    await server?.close()
  })

  it('exports the draft with real tracked changes, comments, headings, header and footer', () => {
    const files = unzipSync(exported)
    const xml = strFromU8(files['word/document.xml']!)
    // MAR's demo insertion and FRA's replacement, by delegation name, dated.
    const insertions = xml.match(/<w:ins [^>]*>.*?<\/w:ins>/gs) ?? []
    expect(
      insertions.some(
        (i) => i.includes('w:author="Maroc"') && i.includes('y compris dans les pays de transit'),
      ),
    ).toBe(true)
    const deletions = xml.match(/<w:del [^>]*>.*?<\/w:del>/gs) ?? []
    const involuntary = deletions.find((d) => d.includes('involontairement'))
    expect(involuntary).toMatch(/w:author="France" w:date="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/)
    expect(involuntary).toContain('<w:delText')
    // PHL's whole new action: its paragraph mark is an insertion too. Word's list numbering has
    // no bis: the action carries its number "b bis)" as text, before its bookmark.
    expect(xml).toMatch(
      /<w:rPr><w:ins w:id="\d+" w:author="Philippines" w:date="[^"]+"\/><\/w:rPr><\/w:pPr><w:r><w:t xml:space="preserve">b bis\)<\/w:t><w:tab\/><\/w:r><w:bookmarkStart w:name="dr_obj_06_b_phl"/,
    )
    // Supporters and rationale as a comment anchored on FRA's proposal.
    const comments = strFromU8(files['word/comments.xml']!)
    expect(comments).toContain('w:author="France"')
    expect(comments).toContain('Justification\u00a0: Viser aussi les effets indirects')
    expect(comments).toContain('Appuyée par\u00a0: Allemagne')
    expect(xml).toMatch(/<w:commentRangeStart w:id="\d+"\/><w:del [^>]*w:author="France"/)
    // Outline, numbering, uids, typography.
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*?Objectif 7\u00a0: /s)
    expect(xml).toContain('<w:pStyle w:val="DraftAction"/><w:numPr>')
    expect(strFromU8(files['word/numbering.xml']!)).toContain('<w:lvlText w:val="%1)"/>')
    expect(xml).toContain('w:name="dr_p_02"')
    expect(xml).toMatch(/\u00a0[:;?!]/)
    const header = Object.keys(files).find((f) => /^word\/header\d*\.xml$/.test(f))!
    expect(strFromU8(files[header]!)).toContain('Avant-projet')
    const footer = Object.keys(files).find((f) => /^word\/footer\d*\.xml$/.test(f))!
    expect(strFromU8(files[footer]!)).toContain('PAGE')
    expect(strFromU8(files['word/settings.xml']!)).toContain('<w:trackRevisions/>')
  })

  it('previews, then applies MAR’s Word amendments as MAR’s proposals, once', async () => {
    const edits = new WordEdits(exported)
    p02 = /<w:t xml:space="preserve">(.*?)<\/w:t>/s.exec(edits.paragraphOf('p-02').xml)![1]!
    const docx = edits
      .insert('p-02', 'Nations Unies', INSERTED, AUTHOR, RATIONALE)
      .delete('p-03', 'ne sont pas nouveaux', AUTHOR)
      .newParagraphAfter('obj-06-c', NEW_ACTION, AUTHOR)
      .toDocx()
    const before = await api.che.json<{ proposals: PresentedProposal[] }>('GET', `${API}/proposals`)

    const preview = await send(api.mar, 'preview', docx)
    expect(preview.status).toBe(200)
    expect(preview.body.authors).toContainEqual({
      author: AUTHOR,
      delegation: 'MAR',
      reason: 'importer',
    })
    // MAR's open demo proposal is in the export too: already proposed, not again.
    expect(preview.body.counts).toEqual({
      placedByUid: 3,
      placedByText: 0,
      notPlaced: 0,
      alreadyProposed: 1,
    })
    expect(preview.body.sha256).toBe(createHash('sha256').update(docx).digest('hex'))
    const changes = preview.body.paragraphs
      .flatMap((p) => p.changes)
      .filter((c) => c.status !== 'alreadyProposed')
    expect(changes.map((c) => [c.kind, c.status])).toEqual([
      ['text', 'create'],
      ['text', 'create'],
      ['newBlock', 'create'],
    ])
    // Nothing written by the preview.
    const still = await api.che.json<{ proposals: PresentedProposal[] }>('GET', `${API}/proposals`)
    expect(still.body.proposals).toHaveLength(before.body.proposals.length)

    const token = await api.iom.createToken()
    const observer = connectWithToken({ baseUrl: server.url, negotiationId: NID, token })
    await observer.synced()
    const applied = await send(api.mar, 'apply', docx)
    expect(applied.status).toBe(201)
    expect(applied.body.created).toHaveLength(3)
    expect(applied.body.created.every((c) => c.delegation === 'MAR')).toBe(true)

    // A stock y-websocket client sees them in the live draft, at their places, as MAR's.
    await eventually(() => {
      const delta = deltaOf(textOf(blockByUid(observer.doc, 'p-02')))
      const inserted = delta.find((op) => op.insert === INSERTED)
      expect(refOf(inserted?.attributes?.insertion)?.delegation).toBe('MAR')
      const before = delta[delta.indexOf(inserted!) - 1]
      expect(String(before?.insert).endsWith('Nations Unies')).toBe(true)
      const p03 = deltaOf(textOf(blockByUid(observer.doc, 'p-03')))
      const deleted = p03.find((op) => op.insert === 'ne sont pas nouveaux')
      const marks = Object.entries(deleted?.attributes ?? {}).filter(([key]) =>
        key.startsWith('deletion'),
      )
      expect(marks.map(([, value]) => refOf(value)?.delegation)).toEqual(['MAR'])
      const c = blockByUid(observer.doc, 'obj-06-c')
      const parent = c.parent as Y.XmlElement
      const added = parent.toArray()[parent.toArray().indexOf(c) + 1] as Y.XmlElement
      expect(added.nodeName).toBe('action')
      expect(refOf(added.getAttribute(INSERTED_BY_ATTR))?.delegation).toBe('MAR')
      expect(added.getAttribute(DELETED_BY_ATTR)).toBeUndefined()
      expect(
        deltaOf(textOf(added))
          .map((op) => op.insert)
          .join(''),
      ).toBe(NEW_ACTION)
    })
    observer.destroy()
    // The agreed text of p-02 is intact.
    expect(p02).toContain('Nations Unies')

    const { body } = await api.che.json<{ proposals: PresentedProposal[] }>(
      'GET',
      `${API}/proposals`,
    )
    const created = body.proposals.filter((p) =>
      applied.body.created.some((c) => c.proposalId === p.id),
    )
    expect(created).toHaveLength(3)
    expect(created.find((p) => p.inserted === INSERTED)?.rationale).toBe(RATIONALE)
    const audit = await api.che.json<{
      events: { action: string; details: Record<string, unknown> }[]
    }>('GET', `${API}/audit`)
    const imported = audit.body.events.filter((e) => e.action === 'proposal.imported')
    expect(imported).toHaveLength(3)
    expect(
      imported.every(
        (e) => e.details.sha256 === applied.body.sha256 && e.details.delegation === 'MAR',
      ),
    ).toBe(true)

    // The same file again: everything is already proposed, nothing new.
    const again = await send(api.mar, 'apply', docx)
    expect(again.status).toBe(201)
    expect(again.body.created).toEqual([])
    expect(again.body.counts).toMatchObject({ alreadyProposed: 4, notPlaced: 0 })
  })

  it('never imports in another delegation’s name, nor for observers', async () => {
    const docx = new WordEdits(exported).insert('p-05', 'processus', ' ouvert', AUTHOR).toDocx()
    const forged = await send(api.fra, 'apply', docx, { [AUTHOR]: 'MAR' })
    expect(forged.status).toBe(403)
    expect((await send(api.iom, 'preview', docx)).status).toBe(403)
    // A co-facilitator says which delegation the author is; unmapped, nothing is applied.
    const unmapped = await send(api.che, 'preview', docx)
    expect(unmapped.body.needsMapping).toBe(true)
    expect(unmapped.body.authors).toContainEqual({
      author: AUTHOR,
      delegation: null,
      reason: 'unmapped',
    })
    const refused = await send(api.che, 'apply', docx)
    expect(refused.status).toBe(422)
    expect(refused.body.error?.code).toBe('authors_unmapped')
    expect(refused.body.error?.message).toContain(AUTHOR)
    const mapped = await send(api.che, 'apply', docx, { [AUTHOR]: 'EGY' })
    expect(mapped.status).toBe(201)
    expect(mapped.body.created.map((c) => c.delegation)).toEqual(['EGY'])
  })

  it('never changes agreed text, and lists several authors for a delegation to map', async () => {
    const docx = new WordEdits(exported)
      .rewrite('p-04', 'Les réfugiés', 'Les personnes')
      .delete('obj-07-a', 'directement ou indirectement', AUTHOR)
      .toDocx()
    const preview = await send(api.mar, 'preview', docx)
    expect(preview.body.counts).toMatchObject({ notPlaced: 1, placedByUid: 0 })
    const applied = await send(api.mar, 'apply', docx)
    expect(applied.status).toBe(201)
    expect(applied.body.created).toEqual([])
    const draft = await api.che.json<unknown>('GET', `${API}/draft`)
    expect(JSON.stringify(draft.body)).toContain('Les réfugiés et les migrants')

    const two = new WordEdits(exported)
      .insert('p-07', 'un cadre de coopération', ' renforcée', 'Ahmed')
      .insert('p-06', 'la société civile', ' internationale', 'Leila')
      .toDocx()
    const several = await send(api.mar, 'apply', two)
    expect(several.status).toBe(422)
    expect(several.body.error?.message).toContain('"Ahmed"')
    expect(several.body.error?.message).toContain('"Leila"')
    const own = await send(api.mar, 'apply', two, { Ahmed: 'MAR', Leila: 'MAR' })
    expect(own.status).toBe(201)
    expect(own.body.created).toHaveLength(2)
  })

  it('refuses bad files with a clear error and keeps serving', async () => {
    const text = await send(api.mar, 'preview', new TextEncoder().encode('Préambule\n\n1. Nous'))
    expect(text.status).toBe(400)
    expect(text.body.error?.message).toMatch(/not a \.docx/)
    const ole = new Uint8Array(64)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    const encrypted = await send(api.mar, 'preview', ole)
    expect(encrypted.status).toBe(400)
    expect(encrypted.body.error?.message).toMatch(/encrypted/)
    // A part that inflates far past the size it declares: stopped while inflating.
    const bomb = await send(api.mar, 'preview', zipBomb(4 * 1024 * 1024))
    expect(bomb.status).toBe(400)
    expect(bomb.body.error?.message).toMatch(/part too large/)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
  it('writes the co-facilitators’ own edits as their tracked changes', async () => {
    const cf = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: await api.che.createToken(),
    })
    await cf.synced()
    const text = textOf(blockByUid(cf.doc, 'p-08'))
    const [first] = deltaOf(text)
    const firstWord = (typeof first?.insert === 'string' ? first.insert : '').split(' ')[0] ?? ''
    cf.doc.transact(() => {
      text.insert(0, 'Texte des co-facilitateurs ', { coFacilitatorsInsertion: {} })
      text.format(27, firstWord.length, { coFacilitatorsDeletion: {} })
    })
    await eventually(async () => {
      const response = await api.fra.request('GET', `${API}/draft/docx`)
      const xml = strFromU8(
        unzipSync(new Uint8Array(await response.arrayBuffer()))['word/document.xml']!,
      )
      const byThem = (tag: string) =>
        (xml.match(new RegExp(`<w:${tag} [^>]*>.*?</w:${tag}>`, 'gs')) ?? []).filter((change) =>
          change.includes('w:author="Co-facilitateurs"'),
        )
      expect(byThem('ins').some((i) => i.includes('Texte des co-facilitateurs'))).toBe(true)
      expect(byThem('del').some((d) => d.includes(`>${firstWord}<`))).toBe(true)
    })
    cf.destroy()
  })
})
