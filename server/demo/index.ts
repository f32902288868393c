import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { DRAFT_FRAGMENT, draftSchema } from '../../shared/schema/index.ts'
import type { Logger } from '../logger.ts'
import type { DocumentStore } from '../storage/DocumentStore.ts'
import type { NegotiationRepository } from '../storage/negotiations.ts'
import { buildDemoDraft } from './demoDraft.ts'
import { DEMO_DELEGATIONS } from './demoDelegations.ts'

/** The id of the demo negotiation created on a new data directory. */
export const DEMO_NEGOTIATION_ID = 'pacte-mondial'

/** Creates the demo negotiation of DESIGN.md section 8 with its draft compact. */
export async function createDemo(props: {
  negotiations: NegotiationRepository
  store: DocumentStore
  logger: Logger
}): Promise<void> {
  await props.negotiations.create({
    id: DEMO_NEGOTIATION_ID,
    title: 'Pacte mondial pour des migrations sûres, ordonnées et régulières',
    language: 'fr',
    delegations: DEMO_DELEGATIONS,
  })
  const draft = draftSchema.nodeFromJSON(buildDemoDraft())
  draft.check()
  const doc = prosemirrorJSONToYDoc(draftSchema, draft.toJSON(), DRAFT_FRAGMENT)
  await props.store.create(draftRoomName(DEMO_NEGOTIATION_ID), Y.encodeStateAsUpdate(doc))
  props.logger.info({ negotiation: DEMO_NEGOTIATION_ID }, 'demo negotiation created')
}
