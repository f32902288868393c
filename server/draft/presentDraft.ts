import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import type { DraftResponse } from '../../shared/api.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { numberDraft, type DraftJSON } from '../../shared/numbering.ts'
import { DRAFT_FRAGMENT } from '../../shared/schema/index.ts'

/** The live draft as the API presents it: ProseMirror JSON and the number of every block. */
export function presentDraft(negotiationId: string, doc: Y.Doc): DraftResponse {
  const document = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DRAFT_FRAGMENT)) as DraftJSON
  return {
    negotiationId,
    roomName: draftRoomName(negotiationId),
    document,
    numbering: Object.fromEntries(numberDraft(document)),
  }
}
