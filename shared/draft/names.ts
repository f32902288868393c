/**
 * The names a draft's Yjs document is made of: its roots, the marks and the block attributes
 * that carry proposals. The validator, the editor, the exports and the tests all read them from
 * here, so that a name written on one side is the name read on the other.
 */

/** The Yjs XmlFragment that holds the draft (Tiptap's Collaboration default). */
export const DRAFT_FRAGMENT = 'default'

/** The Y.Map (next to the draft) holding the proposals' records; only the server writes it. */
export const PROPOSALS_MAP = 'proposals'

/** The Y.Map mirroring the silence procedures, so that clients see them live; server-written. */
export const SILENCE_MAP = 'silence'

/**
 * The Y.Map holding the uids of the blocks of the last revision published from the draft, which
 * the numbering is consolidated against (blocks added since are "bis"); server-written.
 */
export const LAST_REVISION_MAP = 'lastRevision'

/** Every root of a draft document. An update naming any other root is refused before work. */
export const DRAFT_ROOTS: readonly string[] = [
  DRAFT_FRAGMENT,
  PROPOSALS_MAP,
  SILENCE_MAP,
  LAST_REVISION_MAP,
]

/** The attribute that holds every block's stable identity. */
export const UID_ATTRIBUTE = 'uid'

export const INSERTION_MARK = 'insertion'
export const DELETION_MARK = 'deletion'
export const ITALIC_MARK = 'italic'

/**
 * The co-facilitators' own edits since the last revision: text they typed (insertion) or
 * struck out (deletion) while editing directly. No proposal and no record: the marks hold no
 * value (`{}`), only co-facilitators write or remove them, and publishing a revision
 * consolidates them (the insertions stay as plain text, the deletions go).
 */
export const CO_FACILITATORS_INSERTION_MARK = 'coFacilitatorsInsertion'
export const CO_FACILITATORS_DELETION_MARK = 'coFacilitatorsDeletion'
export const CO_FACILITATORS_MARKS: readonly string[] = [
  CO_FACILITATORS_INSERTION_MARK,
  CO_FACILITATORS_DELETION_MARK,
]

/**
 * Text the co-facilitators put in square brackets: not agreed, options pending. A mark with no
 * value (`{}`) that only co-facilitators place or remove; delegations still propose changes
 * inside it (that is what brackets are for), and their new text there stays inside them.
 * Publishing a revision keeps it: brackets go only when the co-facilitators remove them.
 */
export const BRACKETED_MARK = 'bracketed'

/** Block attributes of a whole block proposed (`insertedBy`) or proposed for deletion. */
export const INSERTED_BY_ATTR = 'insertedBy'
export const DELETED_BY_ATTR = 'deletedBy'

/**
 * The block attribute of a paragraph or action agreed ad referendum: `true`, or absent. Only
 * the server writes it, through the co-facilitators' command (see `shared/adReferendum.ts`).
 */
export const AD_REF_ATTR = 'adRef'

/** Blocks the co-facilitators may mark agreed ad referendum: the numbered ones. */
export const AD_REF_BLOCKS = ['paragraph', 'commitment', 'action'] as const

/** Blocks that may be proposed or deleted whole. */
export const PROPOSABLE_BLOCKS = ['paragraph', 'principle', 'objective', 'action'] as const

/** The only mark new text of a proposal may carry besides its insertion mark. */
export const MARKS_KEPT_IN_PROPOSALS: readonly string[] = [ITALIC_MARK]
