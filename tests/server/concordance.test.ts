import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Concordance, type ConcordanceRow } from '../../shared/concordance.ts'
import { blockReference, type BlockNumber } from '../../shared/numbering.ts'
import type { RevisionSummary } from '../../shared/revisions.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'

const NID = 'pacte-mondial'
const API = `/api/negotiations/${NID}`

type Server = Awaited<ReturnType<typeof startTestServer>>

const rowTo = (concordance: Concordance, number: string): ConcordanceRow | undefined =>
  concordance.rows.find((row) => row.toNumbers.includes(number))

describe('the concordance of the demo’s Avant-projet and a published revision', () => {
  let server: Server
  let mex: ApiClient
  let avantProjet: RevisionSummary
  let rev1: RevisionSummary
  let concordance: Concordance

  beforeAll(async () => {
    server = await startTestServer()
    mex = await ApiClient.signedIn(server.url, 'mex')
    const listed = await mex.json<{ revisions: RevisionSummary[] }>('GET', `${API}/revisions`)
    avantProjet = listed.body.revisions[0]!
    for (const [proposal, action] of [
      ['demo-fra-07a', 'accept'],
      ['demo-egy-21a', 'accept'],
      ['demo-phl-06', 'accept'],
      ['demo-mar-07b', 'reject'],
    ] as const) {
      const decided = await mex.json('POST', `${API}/proposals/${proposal}/${action}`, {})
      expect(decided.status).toBe(200)
    }
    const published = await mex.json<RevisionSummary>('POST', `${API}/revisions`, {
      symbol: 'Rev.1',
      title: 'Première révision',
    })
    expect(published.status).toBe(201)
    rev1 = published.body
    const response = await mex.json<Concordance>(
      'GET',
      `${API}/concordance?from=${avantProjet.id}&to=${rev1.id}`,
    )
    expect(response.status).toBe(200)
    concordance = Concordance.parse(response.body)
  })
  afterAll(() => server.close())

  it('says what became of each paragraph and action, with the delegations that changed it', () => {
    expect(avantProjet.symbol).toBe('Avant-projet')
    expect(concordance.labels).toEqual({ from: 'Avant-projet', to: 'Rev.1' })
    expect(rowTo(concordance, '7 a)')).toMatchObject({
      type: 'action',
      fate: 'changed',
      fromNumbers: ['7 a)'],
      objective: 7,
      delegations: ['FRA'],
    })
    expect(rowTo(concordance, '21 a)')).toMatchObject({ fate: 'changed', delegations: ['EGY'] })
    // Rejected: no change, and MAR is named nowhere.
    expect(rowTo(concordance, '7 b)')).toMatchObject({ fate: 'unchanged', delegations: [] })
    expect(concordance.rows.some((row) => row.delegations.includes('MAR'))).toBe(false)
    // Philippines' new action is 6 c); the old 6 c) is now 6 d), renumbered but unchanged.
    expect(rowTo(concordance, '6 c)')).toMatchObject({
      fate: 'new',
      fromNumbers: [],
      delegations: ['PHL'],
    })
    expect(rowTo(concordance, '6 d)')).toMatchObject({ fate: 'unchanged', fromNumbers: ['6 c)'] })
    const fates = concordance.rows.map((row) => row.fate)
    expect(fates.filter((fate) => fate !== 'unchanged').sort()).toEqual([
      'changed',
      'changed',
      'new',
    ])
    expect(concordance.rows.filter((row) => row.type === 'paragraph').length).toBeGreaterThan(50)
  })

  it('takes every number from the numbering of the revisions themselves', async () => {
    const numberingOf = async (id: string) =>
      (await mex.json<{ numbering: Record<string, BlockNumber> }>('GET', `${API}/revisions/${id}`))
        .body.numbering
    const [before, after] = [await numberingOf(avantProjet.id), await numberingOf(rev1.id)]
    const references = (numbering: Record<string, BlockNumber>) =>
      Object.values(numbering)
        .filter((number) => number.kind !== 'objective')
        .map(blockReference)
        .sort()
    expect(concordance.rows.flatMap((row) => row.fromNumbers).sort()).toEqual(references(before))
    expect(concordance.rows.flatMap((row) => row.toNumbers).sort()).toEqual(references(after))
  })

  it('prints it as an HTML table and a Word table', async () => {
    const query = `from=${avantProjet.id}&to=${rev1.id}`
    const html = await mex.request('GET', `${API}/concordance?${query}&format=html`)
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await html.text()
    expect(page).toContain('<table>')
    expect(page).toMatch(/<tr class="changed"><td class="number">7 a\)<\/td>.*<td>FRA<\/td><\/tr>/)

    const docx = await mex.request('GET', `${API}/concordance?${query}&format=docx`)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-disposition')).toContain('concordance-Avant-projet-Rev.1')
    const files = unzipSync(new Uint8Array(await docx.arrayBuffer()))
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml).toContain('<w:tbl>')
    expect(xml).toContain('<w:t xml:space="preserve">EGY</w:t>')
    expect(xml.match(/<w:tr>/g)?.length).toBe(concordance.rows.length + 1)
  })

  it('refuses what it cannot read, like the comparison', async () => {
    const anonymous = await new ApiClient(server.url).json(
      'GET',
      `${API}/concordance?from=${avantProjet.id}&to=live`,
    )
    expect(anonymous.status).toBe(401)
    const bad = await mex.json('GET', `${API}/concordance?from=nope&to=live`)
    expect(bad.status).toBe(400)
    const missing = await mex.json('GET', `${API}/concordance?from=rev-zzzzzzzz&to=live`)
    expect(missing.status).toBe(404)
    const format = await mex.json(
      'GET',
      `${API}/concordance?from=${avantProjet.id}&to=live&format=pdf`,
    )
    expect(format.status).toBe(400)
  })

  it('counts only what was accepted after the earlier text, against the live draft too', async () => {
    const sinceRev1 = await mex.json<Concordance>(
      'GET',
      `${API}/concordance?from=${rev1.id}&to=live`,
    )
    expect(sinceRev1.status).toBe(200)
    expect(sinceRev1.body.labels).toEqual({ from: 'Rev.1', to: 'live' })
    expect(sinceRev1.body.rows.every((row) => row.fate === 'unchanged')).toBe(true)
    expect(sinceRev1.body.rows.every((row) => row.delegations.length === 0)).toBe(true)
  })
})
