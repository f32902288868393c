import { draftJSONOf } from './draftJSON.ts'
import type * as Y from 'yjs'
import type { DraftResponse } from '../../shared/api.ts'
import { draftRoomName } from '../../shared/collabProtocol.ts'
import { numberLiveDraft } from './liveNumbering.ts'

/** The live draft as the API presents it: ProseMirror JSON and the number of every block. */
export function presentDraft(negotiationId: string, doc: Y.Doc): DraftResponse {
  const document = draftJSONOf(doc)
  return {
    negotiationId,
    roomName: draftRoomName(negotiationId),
    document,
    numbering: Object.fromEntries(numberLiveDraft(doc, document)),
  }
}
