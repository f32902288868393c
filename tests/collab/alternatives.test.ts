import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { ActivityPage } from '../../shared/activity.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { PROPOSALS_MAP, type ProposalRecord } from '../../shared/draft/index.ts'
import { MAX_ALTERNATIVE_LENGTH } from '../../shared/limits.ts'
import type { PresentedProposal } from '../../shared/proposals.ts'
import { collabSuite } from '../helpers/collabSuite.ts'
import { expectStoredAsLive } from '../helpers/storedAsLive.ts'
import { blockByUid, deltaOf, eventually, textOf } from '../helpers/yClients.ts'

const NID = 'pacte-mondial'
const ROOM = draftRoomName(NID)
type Answer = ProposalRecord & { error?: { code: string; message: string } }

/**
 * Alternatives (issue 16, "Alt 23."): a delegation proposes another wording for a whole
 * paragraph over HTTP; stock y-websocket clients see it arrive in the proposals map, and see the
 * paragraph's text replaced when a co-facilitator accepts it. Every refusal, and a hand-made
 * client that tries to forge an Alt in the server-written records.
 */
describe('alternatives to a paragraph', () => {
  const suite = collabSuite(NID, ['fra', 'mar', 'che', 'iom'] as const)
  const { api, clients } = suite
  const propose = (who: keyof typeof api, uid: string, body: unknown) =>
    api[who].json<Answer>('POST', `/api/negotiations/${NID}/blocks/${uid}/alternatives`, body)
  const act = (who: keyof typeof api, id: string, action: string) =>
    api[who].json<Answer>('POST', `/api/negotiations/${NID}/proposals/${id}/${action}`, {})
  const liveDoc = async () => (await suite.server.context.rooms.peek(ROOM))!.doc
  const textIn = (doc: Y.Doc, uid: string) => String(textOf(blockByUid(doc, uid)).toString())

  it('is proposed by a delegation and arrives live in every client, numbered after its paragraph', async () => {
    const mar = await clients.connect('mar')
    const wording = 'Nous nous engageons à  renforcer\nla coopération internationale. '
    const made = await propose('fra', 'p-05', { text: wording, rationale: 'Plus court.' })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({
      status: 'open',
      delegation: 'FRA',
      blockUid: 'p-05',
      rationale: 'Plus court.',
      alternative: { text: 'Nous nous engageons à renforcer la coopération internationale.' },
    })
    await eventually(() =>
      expect(mar.doc.getMap(PROPOSALS_MAP).get(made.body.id)).toMatchObject({
        alternative: { text: 'Nous nous engageons à renforcer la coopération internationale.' },
      }),
    )
    const list = await api.mar.json<{ proposals: PresentedProposal[] }>(
      'GET',
      `/api/negotiations/${NID}/proposals?delegation=FRA&status=open`,
    )
    expect(list.body.proposals.find((p) => p.id === made.body.id)).toMatchObject({
      blockLabel: '5.',
      inserted: 'Nous nous engageons à renforcer la coopération internationale.',
    })
    const onAction = await propose('mar', 'obj-05-d', { text: 'Une autre action d).' })
    expect(onAction.status).toBe(201)
    const actions = await api.mar.json<{ proposals: PresentedProposal[] }>(
      'GET',
      `/api/negotiations/${NID}/proposals?delegation=MAR`,
    )
    const action = actions.body.proposals.find((p) => p.id === onAction.body.id)
    expect(action).toMatchObject({ blockLabel: 'd)', objective: 5 })
    // The text itself is untouched until a decision.
    expect(textIn(mar.doc, 'p-05')).not.toContain('renforcer la coopération internationale.')
    const activity = await api.che.json<ActivityPage>('GET', `/api/negotiations/${NID}/activity`)
    const item = activity.body.items.find((i) => i.proposalIds.includes(made.body.id))
    expect(item).toMatchObject({
      action: 'proposal.made',
      delegation: 'FRA',
      blockUid: 'p-05',
      blockLabel: '5',
    })
    await expectStoredAsLive(suite.server.context, ROOM)
  })

  it('refuses each bad proposal with its status and code', async () => {
    const ok = { text: 'Une autre formulation du paragraphe.' }
    expect((await propose('iom', 'p-06', ok)).status).toBe(403)
    expect((await propose('che', 'p-06', ok)).status).toBe(403)
    expect((await propose('fra', 'nope-404', ok)).status).toBe(404)
    expect((await propose('fra', 'p-06', { text: '  \n ' })).status).toBe(400)
    expect((await propose('fra', 'p-06', {})).status).toBe(400)
    expect((await propose('fra', 'p-06', { text: 42 })).status).toBe(400)
    expect((await propose('fra', 'p-06', { ...ok, extra: true })).status).toBe(400)
    const tooLong = { text: 'x'.repeat(MAX_ALTERNATIVE_LENGTH + 1) }
    expect((await propose('fra', 'p-06', tooLong)).status).toBe(400)
    const heading = await propose('fra', 'obj-03-title', ok)
    expect(heading).toMatchObject({ status: 400, body: { error: { code: 'not_a_paragraph' } } })
    const same = await propose('fra', 'p-06', { text: textIn(await liveDoc(), 'p-06') })
    expect(same).toMatchObject({ status: 400, body: { error: { code: 'same_as_text' } } })

    expect((await propose('fra', 'p-06', ok)).status).toBe(201)
    const twice = await propose('fra', 'p-06', { text: 'Encore une autre.' })
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'duplicate_alternative' } } })
    // Another delegation may offer its own Alt on the same paragraph.
    expect((await propose('mar', 'p-06', { text: 'La variante du Maroc.' })).status).toBe(201)

    const statusUrl = `/api/negotiations/${NID}/blocks/p-07/status`
    expect((await api.che.json('POST', statusUrl, { status: 'adRef' })).status).toBe(200)
    const onAdRef = await propose('fra', 'p-07', ok)
    expect(onAdRef).toMatchObject({ status: 409, body: { error: { code: 'ad_ref' } } })
    expect((await api.che.json('POST', statusUrl, { status: 'open' })).status).toBe(200)

    const revisions = await api.che.json<{ revisions: { id: string; symbol: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/revisions`,
    )
    const revisionId = revisions.body.revisions.find((r) => r.symbol === 'Avant-projet')?.id
    const silence = await api.che.json<{ id: string }>('POST', `/api/negotiations/${NID}/silence`, {
      revisionId,
      note: 'Procédure d’approbation tacite.',
      deadline: new Date(Date.now() + 3_600_000).toISOString(),
    })
    expect(silence.status).toBe(201)
    try {
      const frozen = await propose('fra', 'p-07', ok)
      expect(frozen).toMatchObject({ status: 409, body: { error: { code: 'frozen' } } })
    } finally {
      await api.che.json('POST', `/api/negotiations/${NID}/silence/${silence.body.id}/cancel`)
    }
    expect((await propose('fra', 'p-07', ok)).status).toBe(201)
  })

  it('once accepted replaces the paragraph’s text in every client, as one audited change', async () => {
    const fra = await clients.connect('fra')
    const mar = await clients.connect('mar')
    const wording = 'Les États renforcent ensemble la gestion des frontières.'
    const made = await propose('mar', 'p-08', { text: wording })
    expect(made.status).toBe(201)
    expect((await act('fra', made.body.id, 'support')).status).toBe(200)
    expect((await act('fra', made.body.id, 'accept')).status).toBe(403)
    const before = textIn(await liveDoc(), 'p-08')

    const accepted = await act('che', made.body.id, 'accept')
    expect(accepted).toMatchObject({
      status: 200,
      body: { status: 'accepted', settledChange: { inserted: wording, deleted: before } },
    })
    for (const client of [fra, mar]) {
      await eventually(() => expect(textIn(client.doc, 'p-08')).toBe(wording))
      expect(deltaOf(textOf(blockByUid(client.doc, 'p-08')))).toEqual([{ insert: wording }])
      expect(client.notices).toEqual([])
    }
    expect(textIn(await liveDoc(), 'p-08')).toBe(wording)
    await expectStoredAsLive(suite.server.context, ROOM)

    // Not revertible: the former wording is history, not Yjs items to restore.
    const revert = await act('che', made.body.id, 'revert')
    expect(revert).toMatchObject({
      status: 409,
      body: { error: { code: 'decision_not_revertible' } },
    })
    expect((await act('che', made.body.id, 'accept')).status).toBe(409)

    const history = await api.fra.json<{ proposals: { id: string }[] }>(
      'GET',
      `/api/negotiations/${NID}/blocks/p-08/history`,
    )
    expect(JSON.stringify(history.body)).toContain(made.body.id)
    const audit = await api.che.json<{ events: { action: string; details: unknown }[] }>(
      'GET',
      `/api/negotiations/${NID}/audit`,
    )
    const event = audit.body.events.find(
      (e) => e.action === 'proposal.accept' && JSON.stringify(e.details).includes(made.body.id),
    )
    expect(event?.details).toMatchObject({ alternative: true, blockUid: 'p-08' })
  })

  it('is refused acceptance while the paragraph holds proposals in its text, or is ad ref', async () => {
    const fra = await clients.connect('fra')
    const made = await propose('mar', 'p-09', { text: 'Variante du paragraphe vingt-cinq.' })
    textOf(blockByUid(fra.doc, 'p-09')).insert(0, 'Ainsi, ', {
      insertion: { proposalId: 'fra-in-p25', delegation: 'FRA' },
    })
    await eventually(async () =>
      expect((await liveDoc()).getMap(PROPOSALS_MAP).has('fra-in-p25')).toBe(true),
    )
    const held = await act('che', made.body.id, 'accept')
    expect(held).toMatchObject({ status: 409, body: { error: { code: 'open_proposals' } } })
    expect((await act('che', 'fra-in-p25', 'reject')).status).toBe(200)

    const statusUrl = `/api/negotiations/${NID}/blocks/p-09/status`
    // An open Alt is a proposal on the paragraph: it is decided before the paragraph is agreed.
    const adRef = await api.che.json('POST', statusUrl, { status: 'adRef' })
    expect(adRef).toMatchObject({ status: 409, body: { error: { code: 'open_proposals' } } })
    expect(textIn(await liveDoc(), 'p-09')).not.toContain('Variante')
    expect((await act('che', made.body.id, 'accept')).status).toBe(200)
    expect(textIn(await liveDoc(), 'p-09')).toBe('Variante du paragraphe vingt-cinq.')
  })

  it('is rejected or withdrawn without touching the text, and bulk accepts leave it open', async () => {
    const mar = await clients.connect('mar')
    const before = textIn(mar.doc, 'p-14')
    const rejected = await propose('fra', 'p-14', { text: 'Variante rejetée.' })
    const withdrawn = await propose('mar', 'p-14', { text: 'Variante retirée.' })
    const left = await propose('fra', 'p-15', { text: 'Variante laissée ouverte.' })
    expect((await act('fra', withdrawn.body.id, 'withdraw')).status).toBe(403)
    expect((await act('mar', withdrawn.body.id, 'withdraw')).body.status).toBe('withdrawn')
    expect((await act('che', rejected.body.id, 'reject')).body.status).toBe('rejected')
    // A rejection has nothing to put back in the text: reverting it only reopens the Alt.
    expect((await act('che', rejected.body.id, 'revert')).body.status).toBe('open')
    expect((await act('che', rejected.body.id, 'reject')).body.status).toBe('rejected')

    const bulk = await api.che.json<{ decided: string[] }>(
      'POST',
      `/api/negotiations/${NID}/proposals/decide`,
      { decision: 'accept', delegation: 'FRA' },
    )
    expect(bulk.status).toBe(200)
    expect(bulk.body.decided).not.toContain(left.body.id)
    await eventually(() =>
      expect(mar.doc.getMap(PROPOSALS_MAP).get(rejected.body.id)).toMatchObject({
        status: 'rejected',
      }),
    )
    expect(mar.doc.getMap(PROPOSALS_MAP).get(left.body.id)).toMatchObject({ status: 'open' })
    expect(textIn(mar.doc, 'p-14')).toBe(before)
    await expectStoredAsLive(suite.server.context, ROOM)
  })

  it('cannot be forged or altered by a hand-made client writing the records', async () => {
    const fra = await clients.connect('fra')
    const made = await propose('fra', 'p-16', { text: 'La variante de la France.' })
    await eventually(() => expect(fra.doc.getMap(PROPOSALS_MAP).has(made.body.id)).toBe(true))
    const records = fra.doc.getMap(PROPOSALS_MAP)
    const forged: ProposalRecord = {
      ...made.body,
      id: 'alt-forged-by-fra',
      delegation: 'MAR',
      alternative: { text: 'Une variante attribuée au Maroc.' },
    }
    records.set(forged.id, forged)
    await eventually(() => expect(fra.notices.map((n) => n.code)).toContain('refused_change'))

    const again = await clients.connect('fra')
    const altered = { ...made.body, alternative: { text: 'Changée en douce.' }, status: 'accepted' }
    again.doc.getMap(PROPOSALS_MAP).set(made.body.id, altered)
    await eventually(() => expect(again.notices.map((n) => n.code)).toContain('refused_change'))

    const live = (await liveDoc()).getMap(PROPOSALS_MAP)
    expect(live.has('alt-forged-by-fra')).toBe(false)
    expect(live.get(made.body.id)).toMatchObject({
      status: 'open',
      alternative: { text: 'La variante de la France.' },
    })
    await expectStoredAsLive(suite.server.context, ROOM)
  })
})
