import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import {
  CO_FACILITATORS_DELETION_MARK as STRUCK,
  CO_FACILITATORS_INSERTION_MARK as TYPED,
  deletionKey,
} from '../../shared/draft/index.ts'
import type { DraftJSON } from '../../shared/numbering.ts'
import { collabSuite } from '../helpers/collabSuite.ts'
import { expectStoredAsLive } from '../helpers/storedAsLive.ts'
import { blockByUid, deltaOf, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ROOM = draftRoomName(NID)

/**
 * The co-facilitators' own edits (issue 14): only co-facilitators write or remove their marks,
 * a delegation can neither forge them nor take them away, and publishing a revision
 * consolidates them. Through the real server, with hand-made y-websocket clients.
 */
describe('the co-facilitators’ own edits', () => {
  const suite = collabSuite(NID, ['fra', 'che', 'iom'] as const, {
    server: { writerLimits: { connections: 500, refusals: 500 } },
    afterEachTest: (server) => expectStoredAsLive(server.context, ROOM),
  })
  const { api, clients } = suite
  const { connect } = clients

  const liveDoc = async () => (await suite.server.context.rooms.peek(ROOM))!.doc
  const liveDelta = async (uid: string) => deltaOf(textOf(blockByUid(await liveDoc(), uid)))
  const refusedCodes = (client: { notices: { code: string }[] }) =>
    client.notices.map((notice) => notice.code)
  /** A block's text with the co-facilitators' marks inline: `<+typed+>`, `<-struck->`. */
  const markupOf = async (uid: string) =>
    (await liveDelta(uid))
      .map((op) => {
        const text = String(op.insert)
        if (op.attributes?.[TYPED]) return `<+${text}+>`
        if (op.attributes?.[STRUCK]) return `<-${text}->`
        return text
      })
      .join('')

  /** CHE types words at the start of a paragraph and strikes the next word out. */
  async function editAsCoFacilitators(uid: string, words: string): Promise<string> {
    const cf = await connect('che')
    const text = textOf(blockByUid(cf.doc, uid))
    const agreed = deltaOf(text)
      .map((op) => String(op.insert))
      .join('')
    const firstWord = agreed.split(' ')[0] ?? ''
    cf.doc.transact(() => {
      text.insert(0, words, { [TYPED]: {} })
      text.format(words.length, firstWord.length, { [STRUCK]: {} })
    })
    await eventually(async () =>
      expect(await markupOf(uid)).toBe(
        `<+${words}+><-${firstWord}->${agreed.slice(firstWord.length)}`,
      ),
    )
    expect(refusedCodes(cf)).toEqual([])
    return firstWord
  }

  it('lets a co-facilitator mark words as typed or struck out by the co-facilitators', async () => {
    const firstWord = await editAsCoFacilitators('p-03', 'Mots des co-facilitateurs ')
    expect((await liveDelta('p-03'))[1]).toEqual({
      insert: firstWord,
      attributes: { [STRUCK]: {} },
    })
  })

  it('refuses a delegation’s text or formatting forged as the co-facilitators’', async () => {
    await editAsCoFacilitators('p-04', 'Ajout ')
    const before = await markupOf('p-04')
    const attempts: ((doc: Y.Doc) => void)[] = [
      (doc) => textOf(blockByUid(doc, 'p-04')).insert(0, 'Faux ', { [TYPED]: {} }),
      (doc) =>
        textOf(blockByUid(doc, 'p-04')).insert(0, 'Faux ', {
          insertion: { proposalId: 'fra-forged-edit', delegation: 'FRA' },
          [TYPED]: {},
        }),
      (doc) => textOf(blockByUid(doc, 'p-04')).format(10, 5, { [STRUCK]: {} }),
    ]
    for (const attempt of attempts) {
      const fra = await connect('fra')
      attempt(fra.doc)
      await eventually(() => expect(refusedCodes(fra)).toContain('refused_change'))
    }
    expect(await markupOf('p-04')).toBe(before)
  })

  it('refuses a delegation removing the co-facilitators’ marks or their words', async () => {
    await editAsCoFacilitators('p-05', 'Nouveau ')
    const before = await markupOf('p-05')
    const attempts: ((doc: Y.Doc) => void)[] = [
      // Passing the co-facilitators' words off as agreed text, or unstriking struck words.
      (doc) => textOf(blockByUid(doc, 'p-05')).format(0, 8, { [TYPED]: null }),
      (doc) => textOf(blockByUid(doc, 'p-05')).format(8, 3, { [STRUCK]: null }),
      // Deleting their new words, or the struck ones.
      (doc) => textOf(blockByUid(doc, 'p-05')).delete(0, 8),
      (doc) => textOf(blockByUid(doc, 'p-05')).delete(8, 3),
    ]
    for (const attempt of attempts) {
      const fra = await connect('fra')
      attempt(fra.doc)
      await eventually(() => expect(refusedCodes(fra)).toContain('refused_change'))
    }
    expect(await markupOf('p-05')).toBe(before)
  })

  it('lets a delegation propose to delete the co-facilitators’ new words', async () => {
    await editAsCoFacilitators('p-06', 'Discutable ')
    const fra = await connect('fra')
    const ref = { proposalId: 'fra-del-cf', delegation: 'FRA' }
    textOf(blockByUid(fra.doc, 'p-06')).format(0, 10, { [deletionKey(ref)]: ref })
    await eventually(async () =>
      expect((await liveDelta('p-06'))[0]?.attributes).toEqual({
        [TYPED]: {},
        [deletionKey(ref)]: ref,
      }),
    )
    expect(refusedCodes(fra)).toEqual([])
  })

  it('refuses the co-facilitators’ marks holding a value, and an observer’s', async () => {
    const cf = await connect('che')
    textOf(blockByUid(cf.doc, 'p-07')).insert(0, 'Valeur ', { [TYPED]: { by: 'FRA' } })
    await eventually(() => expect(refusedCodes(cf)).toContain('refused_change'))
    const iom = await connect('iom')
    textOf(blockByUid(iom.doc, 'p-07')).insert(0, 'Observateur ', { [TYPED]: {} })
    await eventually(() => expect(refusedCodes(iom)).toContain('read_only'))
    expect(await markupOf('p-07')).not.toContain('<+')
  })

  it('consolidates the co-facilitators’ edits when a revision is published', async () => {
    await editAsCoFacilitators('p-08', 'Consolidé ')
    const agreedAfter = (await markupOf('p-08')).replace(/<-[^>]*->/g, '').replace(/[<>+]/g, '')
    const published = await api.che.json<{ id: string }>(
      'POST',
      `/api/negotiations/${NID}/revisions`,
      {
        symbol: 'Rev.CF',
        title: 'Révision des co-facilitateurs',
      },
    )
    expect(published.status).toBe(201)
    // In the live draft: no mark of theirs anywhere, their words agreed, struck words gone.
    const live = await liveDoc()
    const json = JSON.stringify(live.getXmlFragment('default').toJSON())
    expect(json).not.toContain(TYPED)
    expect(json).not.toContain(STRUCK)
    expect(await markupOf('p-08')).toBe(agreedAfter)
    // The revision holds the consolidated text too.
    const revision = await api.che.json<{ content: DraftJSON }>(
      'GET',
      `/api/negotiations/${NID}/revisions/${published.body.id}?format=json`,
    )
    expect(revision.status).toBe(200)
    const content = JSON.stringify(revision.body)
    expect(content).not.toContain(TYPED)
    expect(content).not.toContain(STRUCK)
    expect(content).toContain(agreedAfter)
  })
})
