import { DRAFT_FRAGMENT } from '../../shared/draft/index.ts'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import type { DraftJSON } from '../../shared/numbering.ts'
import { draftSchema } from '../../shared/schema/index.ts'
import { newUid } from '../../shared/schema/uid.ts'
import type { Actor } from '../auth/Actor.ts'
import type { AppContext } from '../context.ts'
import { conflict } from '../errors.ts'
import { isUniqueViolation } from '../storage/isUniqueViolation.ts'

/** The draft a new negotiation starts from: one preamble section with an empty paragraph. */
const emptyDraft = (language: 'fr' | 'en'): DraftJSON => ({
  type: 'doc',
  content: [
    {
      type: 'section',
      attrs: { uid: newUid(), kind: 'preamble' },
      content: [
        {
          type: 'sectionTitle',
          attrs: { uid: newUid() },
          content: [{ type: 'text', text: language === 'fr' ? 'Préambule' : 'Preamble' }],
        },
        { type: 'paragraph', attrs: { uid: newUid() } },
      ],
    },
  ],
})

/** Creates a negotiation with its live draft (secretariat, or the demo at start). */
export async function createNegotiation(props: {
  context: AppContext
  actor: Actor | null
  id: string
  title: string
  language: 'fr' | 'en'
  draft?: DraftJSON
}): Promise<void> {
  const { context, id } = props
  if (await context.negotiations.find(id))
    throw conflict(`The negotiation "${id}" exists.`, 'negotiation_exists')
  const draft = draftSchema.nodeFromJSON(props.draft ?? emptyDraft(props.language))
  draft.check()
  // The check above and the insert are two steps; the primary key decides a race.
  await context.negotiations
    .create({ id, title: props.title, language: props.language })
    .catch((error: unknown) => {
      throw isUniqueViolation(error)
        ? conflict(`The negotiation "${id}" exists.`, 'negotiation_exists')
        : error
    })
  const doc = prosemirrorJSONToYDoc(draftSchema, draft.toJSON(), DRAFT_FRAGMENT)
  await context.store.create(draftRoomName(id), Y.encodeStateAsUpdate(doc))
  await context.audit.record({
    negotiationId: id,
    actor: props.actor,
    action: 'negotiation.created',
    details: { title: props.title },
  })
}
