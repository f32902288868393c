import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { pathToFileURL } from 'node:url'
import type * as Y from 'yjs'
import { liveBlocksOf } from '../../server/amendments/liveBlocks.ts'
import { planAmendments } from '../../server/amendments/planAmendments.ts'
import { readWordAmendments } from '../../server/amendments/readWordAmendments.ts'
import {
  openProposalRecord,
  proposalsMap,
  readProposals,
} from '../../server/collab/proposalRecords.ts'
import { buildDemoDraft } from '../../server/demo/demoDraft.ts'
import { DEMO_DELEGATIONS } from '../../server/demo/demoDelegations.ts'
import { delegationNamer } from '../../server/exports/word/delegationNames.ts'
import { draftWordDocument } from '../../server/exports/word/draftWordDocument.ts'
import { renderWordDocx } from '../../server/exports/word/renderWordDocx.ts'
import { DRAFT_FRAGMENT, deletionKey } from '../../shared/draft/index.ts'
import { draftSchema } from '../../shared/schema/index.ts'

/**
 * The Word round trip on the full compact with 500 open proposals (issue 13): the tracked-changes
 * export (model + docx), then reading it back (zip + SAX, as the import worker does) and placing
 * its 500 tracked changes on the live draft (all found already proposed: nothing new).
 * Run alone: `node --import tsx tests/bench/wordRoundTrip.ts`.
 */

const PROPOSALS = 500
const CODES = DEMO_DELEGATIONS.filter((d) => d.standing === 'delegation').map((d) => d.code)

function draftWithProposals(): Y.Doc {
  const draft = draftSchema.nodeFromJSON(buildDemoDraft())
  const doc = prosemirrorJSONToYDoc(draftSchema, draft.toJSON(), DRAFT_FRAGMENT)
  const texts = liveBlocksOf(doc).flatMap((b) => (b.text && b.content.length > 40 ? [b] : []))
  doc.transact(() => {
    for (let i = 0; i < PROPOSALS; i++) {
      const block = texts[i % texts.length]!
      const delegation = CODES[i % CODES.length]!
      const ref = { proposalId: `bench-${i}`, delegation }
      const round = Math.floor(i / texts.length)
      if (i % 2 === 0) block.text!.insert(10 + round * 12, ` mot${i} `, { insertion: ref })
      else block.text!.format(30 + round * 12, 5, { [deletionKey(ref)]: ref })
      proposalsMap(doc).set(ref.proposalId, {
        ...openProposalRecord({
          id: ref.proposalId,
          delegation,
          author: { userId: 1, name: 'bench' },
          objectiveUid: null,
          blockUid: block.uid,
          now: new Date(Date.UTC(2026, 10, 23, 10, 0, i % 60)),
        }),
        rationale: i % 10 === 0 ? 'Justification de la proposition.' : '',
      })
    }
  })
  return doc
}

export async function benchWordRoundTrip(): Promise<Record<string, number>> {
  const doc = draftWithProposals()
  const participants = { delegations: DEMO_DELEGATIONS, coFacilitators: [] }
  const heapBefore = process.memoryUsage().heapUsed
  let started = performance.now()
  const model = draftWordDocument({
    doc,
    records: readProposals(doc),
    author: delegationNamer(participants, 'fr'),
    language: 'fr',
    symbol: 'Rev.1',
    title: 'Pacte mondial',
    editedAt: new Date(),
  })
  const bytes = await renderWordDocx(model)
  const exportMs = performance.now() - started
  started = performance.now()
  const amendments = await readWordAmendments(new Uint8Array(bytes))
  const readMs = performance.now() - started
  const names = new Map(DEMO_DELEGATIONS.map((d) => [d.nameFr, d.code]))
  started = performance.now()
  const plan = planAmendments({
    amendments,
    blocks: liveBlocksOf(doc),
    authorMap: (author) => names.get(author) ?? null,
  })
  const placeMs = performance.now() - started
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
  return {
    proposals: PROPOSALS,
    docxKb: Math.round(bytes.byteLength / 1024),
    exportMs: Math.round(exportMs),
    readMs: Math.round(readMs),
    placeMs: Math.round(placeMs),
    heapDeltaMb: Math.round(heapMb),
    alreadyProposed: plan.counts.alreadyProposed,
    created: plan.counts.placedByUid + plan.counts.placedByText,
    notPlaced: plan.counts.notPlaced,
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchWordRoundTrip())
}
