/**
 * A block's uid travels in the exported .docx as a bookmark around its paragraph, named
 * `dr_<uid>`. Word keeps bookmarks through editing and saving, but accepts in a name only
 * letters, digits and underscores (at most 40 characters): uids' dashes become underscores, which
 * a uid never holds, so the name reads back to the uid exactly.
 */

const PREFIX = 'dr_'

export const bookmarkOfUid = (uid: string): string => `${PREFIX}${uid.replaceAll('-', '_')}`

/** The uid a bookmark name carries, or null for any other bookmark (Word adds its own). */
export function uidOfBookmark(name: string): string | null {
  if (!name.startsWith(PREFIX)) return null
  const uid = name.slice(PREFIX.length).replaceAll('_', '-')
  return /^[0-9a-z][0-9a-z-]{2,63}$/.test(uid) ? uid : null
}
