import type { NumberingBase } from '../numbering.ts'

/** The key of the last revision's block uids in the draft's `LAST_REVISION_MAP`. */
export const LAST_REVISION_UIDS = 'uids'
/** The key of the last revision's symbol, for the people reading the numbers. */
export const LAST_REVISION_SYMBOL = 'symbol'

/** The numbering base a draft's `LAST_REVISION_MAP` holds (none before a first revision). */
export function numberingBaseIn(map: { get(key: string): unknown }): NumberingBase {
  const uids = map.get(LAST_REVISION_UIDS)
  if (!Array.isArray(uids)) return {}
  return { revisionUids: new Set(uids.filter((uid): uid is string => typeof uid === 'string')) }
}
