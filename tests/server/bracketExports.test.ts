import fs from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import type { Comparison } from '../../shared/compare/index.ts'
import { BRACKETED_MARK, ITALIC_MARK } from '../../shared/draft/index.ts'
import type { RevisionSummary } from '../../shared/revisions.ts'
import { collabSuite } from '../helpers/collabSuite.ts'
import { blockByUid, deltaOf, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const API = `/api/negotiations/${NID}`
// The Word draft with brackets, for people to render and look at, only when asked for:
// BRACKETS_DOCX=/tmp/draft.docx npx vitest run --project integration tests/server/bracketExports.test.ts
const DOCX_FILE = process.env.BRACKETS_DOCX
const BLOCK = 'p-12'
const PROPOSED = 'obj-07-a'

/** The text of an export, tags and XML runs left out, entities read. */
const textOfHtml = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
const textOfDocx = async (response: Response) => {
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()))
  const xml = strFromU8(files['word/document.xml']!)
  return textOfHtml(
    (xml.match(/<w:t(?: [^>]*)?>.*?<\/w:t>/gs) ?? []).join('').replace(/<\/?w:t[^>]*>/g, ''),
  )
}

/**
 * Square brackets as the UN prints them (issue 16): "[" and "]" around each bracketed run in
 * every export of the draft (compilation, Word draft) and of a revision, kept by publishing,
 * and compared as text.
 */
describe('square brackets in exports and comparisons', () => {
  const suite = collabSuite(NID, ['che'] as const)

  it('prints "[…]" around each run, publishes it, and compares its removal as a change', async () => {
    const { api, clients } = suite
    const che = await clients.connect('che')
    const text = textOf(blockByUid(che.doc, BLOCK))
    const agreed = String(text.toString())
    const words = agreed.split(' ').slice(1, 4)
    const bracketed = words.join(' ')
    const start = agreed.indexOf(bracketed)
    // Italics on the middle word cut the run in three pieces: the brackets are still one pair.
    che.doc.transact(() => {
      text.format(start, bracketed.length, { [BRACKETED_MARK]: {} })
      text.format(start + words[0]!.length + 1, words[1]!.length, { [ITALIC_MARK]: {} })
    })
    const room = draftRoomName(NID)
    await eventually(async () => {
      const live = (await suite.server.context.rooms.peek(room))!.doc
      expect(deltaOf(textOf(blockByUid(live, BLOCK)))).toHaveLength(5)
    })
    expect(che.notices).toEqual([])
    const printed = `[${bracketed}]`
    const get = async (path: string) => {
      const response = await api.che.request('GET', path)
      expect(response.status, path).toBe(200)
      return response
    }

    const compilation = textOfHtml(
      await (await get(`${API}/proposals/compilation?format=html`)).text(),
    )
    expect(compilation).toContain(printed)
    expect(await textOfDocx(await get(`${API}/proposals/compilation?format=docx`))).toContain(
      printed,
    )
    const wordDraft = await (await get(`${API}/draft/docx`)).arrayBuffer()
    expect(await textOfDocx(new Response(wordDraft))).toContain(printed)
    if (DOCX_FILE) fs.writeFileSync(DOCX_FILE, Buffer.from(wordDraft))

    const published = await api.che.json<RevisionSummary>('POST', `${API}/revisions`, {
      symbol: 'Rev.crochets',
      title: 'Révision avec crochets',
    })
    expect(published.status).toBe(201)
    const revision = `${API}/revisions/${published.body.id}`
    expect(JSON.stringify((await api.che.json(`GET`, revision)).body)).toContain(BRACKETED_MARK)
    expect(textOfHtml(await (await get(`${revision}?format=html`)).text())).toContain(printed)
    expect(await textOfDocx(await get(`${revision}?format=docx`))).toContain(printed)
    // Publishing keeps them in the draft too.
    expect(deltaOf(text).filter((op) => op.attributes?.[BRACKETED_MARK])).toHaveLength(3)

    text.format(start, bracketed.length, { [BRACKETED_MARK]: null })
    await eventually(async () => {
      const comparison = await api.che.json<Comparison>(
        'GET',
        `${API}/compare?from=${published.body.id}&to=live`,
      )
      const changed = comparison.body.paragraphs.filter((p) => p.status === 'changed')
      expect(changed).toHaveLength(1)
      const removed = changed[0]!.diff.filter(([op]) => op === -1).map(([, t]) => t)
      expect(removed.join('')).toContain('[')
      expect(removed.join('')).toContain(']')
    })
  })

  it('takes the printed brackets for no edit when the Word draft comes back', async () => {
    const { api, clients } = suite
    const che = await clients.connect('che')
    // Objective 7 a) holds FRA's open proposal: its paragraph is in the amendments' plan.
    const text = textOf(blockByUid(che.doc, PROPOSED))
    text.format(0, 8, { [BRACKETED_MARK]: {} })
    await eventually(async () => {
      const live = (await suite.server.context.rooms.peek(draftRoomName(NID)))!.doc
      expect(deltaOf(textOf(blockByUid(live, PROPOSED)))[0]?.attributes).toHaveProperty(
        BRACKETED_MARK,
      )
    })
    const wordDraft = await (await api.che.request('GET', `${API}/draft/docx`)).arrayBuffer()
    const preview = await fetch(`${suite.server.url}${API}/amendments/preview`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        cookie: api.che.cookie ?? '',
        'x-csrf-token': api.che.csrfToken ?? '',
      },
      body: Buffer.from(wordDraft),
    })
    expect(preview.status).toBe(200)
    const plan = (await preview.json()) as {
      paragraphs: { blockUid: string | null; untrackedEdits: boolean }[]
    }
    expect(plan.paragraphs.find((p) => p.blockUid === PROPOSED)).toMatchObject({
      untrackedEdits: false,
    })
  })
})
