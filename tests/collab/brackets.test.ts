import type * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { BRACKETED_MARK as BRACKETED, INSERTION_MARK } from '../../shared/draft/index.ts'
import type { SilenceProcedure } from '../../shared/silence/silenceSchema.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { expectStoredAsLive } from '../helpers/storedAsLive.ts'
import { blockByUid, clientsOf, deltaOf, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ROOM = draftRoomName(NID)
const ref = (proposalId: string, delegation = 'FRA') => ({ proposalId, delegation })

/** A block's text with its bracketed runs in "[...]", as a UN text prints them. */
const bracketsOf = (text: Y.XmlText): string => {
  let out = ''
  let isOpen = false
  for (const op of deltaOf(text)) {
    const isBracketed = op.attributes?.[BRACKETED] !== undefined
    if (isBracketed !== isOpen) out += isBracketed ? '[' : ']'
    isOpen = isBracketed
    out += String(op.insert)
  }
  return isOpen ? `${out}]` : out
}

/**
 * Square brackets (issue 16) through the real server, with hand-made y-websocket clients: only
 * co-facilitators place or remove them, delegations still propose inside them, and the silence
 * procedure and ad ref paragraphs close them as they close any other change.
 */
describe('square brackets in the draft', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let che: ApiClient
  const tokens: Record<string, string> = {}
  const clients = clientsOf(() => server.url, NID, tokens)
  const { connect } = clients

  beforeAll(async () => {
    server = await startTestServer({ writerLimits: { connections: 500, refusals: 500 } })
    che = await ApiClient.signedIn(server.url, 'che')
    for (const name of ['fra', 'che', 'mar']) {
      tokens[name] = await (await ApiClient.signedIn(server.url, name)).createToken()
    }
  })
  afterEach(async () => {
    await expectStoredAsLive(server.context, ROOM)
    clients.closeAll()
  })
  afterAll(() => server.close())

  const liveDoc = async () => (await server.context.rooms.peek(ROOM))!.doc
  const liveBrackets = async (uid: string) => bracketsOf(textOf(blockByUid(await liveDoc(), uid)))
  const codesOf = (client: { notices: { code: string }[] }) => client.notices.map((n) => n.code)

  /** CHE puts the words `from`..`from + length` of a paragraph in brackets; all converge. */
  async function bracket(uid: string, from: number, length: number): Promise<string> {
    const cf = await connect('che')
    const watcher = await connect('mar')
    textOf(blockByUid(cf.doc, uid)).format(from, length, { [BRACKETED]: {} })
    const expected = bracketsOf(textOf(blockByUid(cf.doc, uid)))
    expect(expected).toContain('[')
    await eventually(async () => {
      expect(await liveBrackets(uid)).toBe(expected)
      expect(bracketsOf(textOf(blockByUid(watcher.doc, uid)))).toBe(expected)
    })
    expect(codesOf(cf)).toEqual([])
    return expected
  }

  it('lets a co-facilitator place brackets and remove them, and every client converges', async () => {
    const placed = await bracket('p-12', 5, 12)
    expect(placed.indexOf('[')).toBe(5)
    const cf = await connect('che')
    const fra = await connect('fra')
    textOf(blockByUid(cf.doc, 'p-12')).format(5, 12, { [BRACKETED]: null })
    await eventually(async () => {
      expect(await liveBrackets('p-12')).not.toContain('[')
      expect(bracketsOf(textOf(blockByUid(fra.doc, 'p-12')))).not.toContain('[')
    })
    expect(codesOf(cf)).toEqual([])
  })

  it('refuses a delegation placing, removing or changing brackets', async () => {
    const placed = await bracket('p-13', 0, 10)
    const attempts: ((doc: Y.Doc) => void)[] = [
      // On agreed text.
      (doc) => textOf(blockByUid(doc, 'p-13')).format(15, 6, { [BRACKETED]: {} }),
      // Removing them, or changing their value.
      (doc) => textOf(blockByUid(doc, 'p-13')).format(0, 10, { [BRACKETED]: null }),
      (doc) => textOf(blockByUid(doc, 'p-13')).format(2, 4, { [BRACKETED]: { by: 'FRA' } }),
      // New text of its own, bracketed where the text was not.
      (doc) =>
        textOf(blockByUid(doc, 'p-13')).insert(20, 'crochets forgés ', {
          [INSERTION_MARK]: ref('fra-brk-forged'),
          [BRACKETED]: {},
        }),
    ]
    for (const attempt of attempts) {
      const fra = await connect('fra')
      attempt(fra.doc)
      await eventually(() => expect(codesOf(fra)).toContain('refused_change'))
    }
    expect(await liveBrackets('p-13')).toBe(placed)
  })

  it('refuses a delegation bracketing its own proposed text', async () => {
    const fra = await connect('fra')
    const text = textOf(blockByUid(fra.doc, 'p-14'))
    text.insert(0, 'Texte proposé ', { [INSERTION_MARK]: ref('fra-brk-own') })
    await eventually(async () => expect(await liveBrackets('p-14')).toMatch(/^Texte proposé /))
    text.format(0, 5, { [BRACKETED]: {} })
    await eventually(() => expect(codesOf(fra)).toContain('refused_change'))
    expect(await liveBrackets('p-14')).not.toContain('[')
  })

  it('lets a delegation propose inside brackets, its words staying inside them', async () => {
    await bracket('p-15', 0, 20)
    const fra = await connect('fra')
    textOf(blockByUid(fra.doc, 'p-15')).insert(6, 'mots proposés ', {
      [INSERTION_MARK]: ref('fra-brk-inside'),
      [BRACKETED]: {},
    })
    await eventually(async () => {
      const now = await liveBrackets('p-15')
      expect(now).toContain('mots proposés ')
      // One run still: the proposal did not cut it in two.
      expect(now.match(/\[/g)).toHaveLength(1)
      expect(now.indexOf(']')).toBe(35)
    })
    expect(codesOf(fra)).toEqual([])
  })

  it('refuses brackets holding a value, even from a co-facilitator', async () => {
    const cf = await connect('che')
    textOf(blockByUid(cf.doc, 'p-16')).format(0, 6, { [BRACKETED]: { options: 2 } })
    await eventually(() => expect(codesOf(cf)).toContain('refused_change'))
    expect(await liveBrackets('p-16')).not.toContain('[')
  })

  it('refuses the co-facilitators’ brackets in a paragraph agreed ad referendum', async () => {
    const status = `/api/negotiations/${NID}/blocks/p-40/status`
    expect((await che.json('POST', status, { status: 'adRef' })).status).toBe(200)
    const cf = await connect('che')
    textOf(blockByUid(cf.doc, 'p-40')).format(0, 6, { [BRACKETED]: {} })
    await eventually(() => expect(codesOf(cf)).toContain('refused_change'))
    expect(await liveBrackets('p-40')).not.toContain('[')
    expect((await che.json('POST', status, { status: 'open' })).status).toBe(200)
  })

  it('freezes brackets during a silence procedure', async () => {
    await bracket('p-41', 0, 8)
    const { body: list } = await che.json<{ revisions: { id: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/revisions`,
    )
    const { body: silence } = await che.json<SilenceProcedure>(
      'POST',
      `/api/negotiations/${NID}/silence`,
      {
        revisionId: list.revisions[0]!.id,
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
        note: 'Procédure d’approbation tacite.',
      },
    )
    try {
      const cf = await connect('che')
      textOf(blockByUid(cf.doc, 'p-41')).format(0, 8, { [BRACKETED]: null })
      textOf(blockByUid(cf.doc, 'p-41')).format(12, 4, { [BRACKETED]: {} })
      await eventually(() => expect(codesOf(cf)).toContain('frozen'))
      expect((await liveBrackets('p-41')).indexOf('[')).toBe(0)
      expect((await liveBrackets('p-41')).match(/\[/g)).toHaveLength(1)
    } finally {
      await che.json('POST', `/api/negotiations/${NID}/silence/${silence.id}/cancel`)
    }
  })
})
