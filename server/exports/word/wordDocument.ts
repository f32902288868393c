/**
 * What a Word export with real tracked changes holds, independent of the XML: blocks in order,
 * each a run list where proposals are insertions and deletions authored by their delegation, with
 * the block's uid (carried as a bookmark for the way back) and the comments anchored on it.
 * The draft, the compilation and the comparisons each build one; `renderWordDocx` writes it.
 */

/** Who made a tracked change and when: Word's `w:author` and `w:date`. */
export interface WordRevision {
  author: string
  /** ISO 8601, whole seconds (Word writes no fraction). */
  date: string
}

export interface WordRun {
  text: string
  isItalic: boolean
  change: 'kept' | 'inserted' | 'deleted'
  /** The change's author and date; null for kept text. */
  by: WordRevision | null
  /** The proposal the change belongs to, for anchoring its comment. */
  proposalId: string | null
}

/** A Word comment anchored on a proposal's runs in the block (supporters, rationale). */
export interface WordComment {
  proposalId: string
  author: string
  date: string
  paragraphs: string[]
}

export type WordBlockKind =
  | 'title'
  | 'sectionTitle'
  | 'objectiveTitle'
  | 'paragraph'
  | 'principle'
  | 'action'
  | 'note'
  /** An open alternative, after its paragraph or action: "Alt 23. ... [FRA]", not numbered. */
  | 'alternative'

export interface WordBlock {
  kind: WordBlockKind
  /** The draft block's uid, written as a bookmark so that an edited file finds its way back. */
  uid: string | null
  /** Text before the runs that is not the block's own, e.g. "Objectif 3 :" (kept). */
  prefix: string | null
  /**
   * A number Word's own numbering cannot write ("23 bis.", "d bis)"): the block is then left out
   * of Word's numbering and starts with this text.
   */
  numberLabel?: string | null
  /** A paragraph or action agreed ad referendum: marked so after its text. */
  isAdRef?: boolean
  /** The objective an action is lettered in (Word restarts a) in each objective). */
  objective: number | null
  runs: WordRun[]
  /** A whole block proposed or proposed for deletion: its paragraph mark is tracked too. */
  mark: { change: 'inserted' | 'deleted'; by: WordRevision } | null
  comments: WordComment[]
}

export interface WordDocument {
  language: 'fr' | 'en'
  /** Left of the page header, e.g. the revision symbol "A/CONF.231/3". */
  symbol: string
  /** Right of the page header and the document title. */
  title: string
  subtitle: string | null
  blocks: WordBlock[]
}

/** Word's dates have whole seconds: `2026-11-23T10:00:00Z`. */
export const wordDate = (iso: string | Date): string =>
  `${new Date(iso).toISOString().slice(0, 19)}Z`
