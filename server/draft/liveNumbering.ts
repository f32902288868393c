import type * as Y from 'yjs'
import {
  LAST_REVISION_MAP,
  LAST_REVISION_SYMBOL,
  LAST_REVISION_UIDS,
  numberingBaseIn,
} from '../../shared/draft/index.ts'
import {
  agreedBlockUidsOf,
  numberDraft,
  type BlockNumber,
  type DraftJSON,
  type NumberingBase,
} from '../../shared/numbering.ts'
import { draftJSONOf } from './draftJSON.ts'

/** What the live draft's numbers are consolidated against: its last published revision. */
export const numberingBaseOf = (doc: Y.Doc): NumberingBase =>
  numberingBaseIn(doc.getMap(LAST_REVISION_MAP))

/** The numbers of the live draft, by uid: agreed numbers kept, blocks added since are "bis". */
export const numberLiveDraft = (
  doc: Y.Doc,
  json: DraftJSON = draftJSONOf(doc),
): Map<string, BlockNumber> => numberDraft(json, numberingBaseOf(doc))

/**
 * Consolidates the numbering: the blocks of the revision just published from the draft are its
 * agreed blocks from now on. Run in the server's transaction.
 */
export function recordLastRevision(doc: Y.Doc, symbol: string, content: DraftJSON): void {
  const map = doc.getMap(LAST_REVISION_MAP)
  map.set(LAST_REVISION_UIDS, [...agreedBlockUidsOf(content)])
  map.set(LAST_REVISION_SYMBOL, symbol)
}

/** "23 bis" for a paragraph, "d bis)" for an action: how the activity feed names the block. */
export function blockNumeralOf(doc: Y.Doc, uid: string): string | null {
  const number = numberLiveDraft(doc).get(uid)
  if (!number) return null
  return number.kind === 'paragraph' ? number.numeral : number.label
}
