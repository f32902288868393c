/**
 * What a Word document edited with track changes says, as read in the import worker: its
 * paragraphs in order, each with the block uid its bookmark carries, its style, its tracked
 * paragraph mark and its runs (kept, inserted or deleted, by which Word author), and its
 * comments. Plain data: it crosses from the worker thread to the server.
 */

export interface AmendedRun {
  text: string
  /** The Word author who inserted the run, or null. */
  insertedBy: string | null
  /** The Word author who deleted the run, or null. */
  deletedBy: string | null
  /** The comments whose range covers the run. */
  comments: number[]
}

export interface AmendedParagraph {
  /** 1-based, as the preview shows it. */
  index: number
  /** The uid of the draft block the paragraph was exported from (its `dr_` bookmark). */
  uid: string | null
  styleId: string | null
  /** The paragraph mark inserted or deleted with track changes, by its Word author. */
  mark: { change: 'inserted' | 'deleted'; author: string } | null
  runs: AmendedRun[]
}

export interface WordComment {
  id: number
  author: string
  text: string
}

export interface WordAmendments {
  paragraphs: AmendedParagraph[]
  comments: WordComment[]
}

/** The text of a paragraph as the file holds it: kept, inserted and deleted runs alike. */
export const fileTextOf = (paragraph: AmendedParagraph): string =>
  paragraph.runs.map((run) => run.text).join('')
