import { SECTION_KINDS } from '../schema/sectionKinds.ts'
import { isUid } from '../schema/uid.ts'
import {
  AD_REF_ATTR,
  CO_FACILITATORS_MARKS,
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  BRACKETED_MARK,
  ITALIC_MARK,
  UID_ATTRIBUTE,
} from './names.ts'
import { deletionKey, isDeletionKey, refOf } from './refs.ts'

/**
 * The shapes of the values a draft holds, for every writer alike. The editor turns each mark
 * and attribute into ProseMirror and drops a whole text or block it cannot read (y-prosemirror
 * deletes it, in every editor open), so a value of the wrong shape must never be stored: not a
 * mark whose key and value disagree, not a ref with extra keys, not a uid that is not a short
 * string.
 */

const isEmptyObject = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype &&
  Object.keys(value).length === 0

/** Why text may not be formatted with `value` under the Yjs key `key`, or null. */
export function markValueProblem(key: string, value: unknown): string | null {
  // A format item whose value is null ends the mark.
  if (value === null) return null
  if (key === INSERTION_MARK) {
    return refOf(value) ? null : 'An insertion mark holds exactly a proposal id and a delegation.'
  }
  if (isDeletionKey(key)) {
    const ref = refOf(value)
    if (!ref) return 'A deletion mark holds exactly a proposal id and a delegation.'
    return deletionKey(ref) === key ? null : 'A deletion mark’s key does not match its proposal.'
  }
  if (key === ITALIC_MARK) return isEmptyObject(value) ? null : 'Italics carry no value.'
  if (key === BRACKETED_MARK) return isEmptyObject(value) ? null : 'Brackets carry no value.'
  if (CO_FACILITATORS_MARKS.includes(key)) {
    return isEmptyObject(value) ? null : 'The co-facilitators’ edit marks carry no value.'
  }
  return `Unknown mark "${key}".`
}

/** Why a block may not hold `value` under the attribute `key`, or null. */
export function blockAttributeProblem(key: string, value: unknown): string | null {
  switch (key) {
    case UID_ATTRIBUTE:
      return isUid(value) ? null : 'A block’s uid is a short string of letters, digits and dashes.'
    case 'kind':
      return (SECTION_KINDS as readonly unknown[]).includes(value)
        ? null
        : 'A section’s kind is one of the compact’s sections.'
    case AD_REF_ATTR:
      return value === true || value === null
        ? null
        : 'A paragraph’s ad ref status is true or none.'
    case INSERTED_BY_ATTR:
    case DELETED_BY_ATTR:
      return value === null || refOf(value)
        ? null
        : 'A block proposal holds exactly a proposal id and a delegation.'
    default:
      return `Blocks have no attribute "${key}".`
  }
}
