import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  InsertedTextRun,
  TextRun,
  type ParagraphChild,
} from 'docx'
import type { WordBlock, WordRun } from './wordDocument.ts'

/** Numbers Word's tracked changes: every `w:ins` and `w:del` of a document needs its own id. */
export class RevisionIds {
  // Far above the bookmarks' and comments' ids, which Word counts among the same annotations.
  private next = 1_000_000
  take(): number {
    return this.next++
  }
}

// Only italic text says so: `italics: false` would write an explicit `<w:i w:val="false"/>`.
const italic = (run: WordRun) => (run.isItalic ? { italics: true } : {})

/** One run as Word writes it: plain, or a tracked insertion or deletion by its author. */
export function wordRun(run: WordRun, ids: RevisionIds): ParagraphChild {
  if (run.change === 'kept' || !run.by) return new TextRun({ text: run.text, ...italic(run) })
  const revision = { id: ids.take(), author: run.by.author, date: run.by.date }
  return run.change === 'inserted'
    ? new InsertedTextRun({ ...revision, ...italic(run), text: run.text })
    : new DeletedTextRun({ ...revision, ...italic(run), text: run.text })
}

/**
 * The runs of a block with each comment anchored on its proposal's runs: the range starts before
 * the proposal's first run and ends after its last, and the reference mark follows the range.
 * `commentIds` gives each comment of the block its id in the document.
 */
export function runsWithComments(
  block: WordBlock,
  commentIds: readonly number[],
  ids: RevisionIds,
): ParagraphChild[] {
  const children: ParagraphChild[] = []
  const spans = block.comments.map((comment, i) => {
    const first = block.runs.findIndex((r) => r.proposalId === comment.proposalId)
    const last = block.runs.findLastIndex((r) => r.proposalId === comment.proposalId)
    // A comment whose proposal has no run here (a whole block) spans the whole paragraph.
    return {
      id: commentIds[i] ?? 0,
      first: first < 0 ? 0 : first,
      last: last < 0 ? block.runs.length - 1 : last,
    }
  })
  block.runs.forEach((run, index) => {
    for (const span of spans)
      if (span.first === index) children.push(new CommentRangeStart(span.id))
    children.push(wordRun(run, ids))
    for (const span of spans) {
      if (span.last !== index) continue
      children.push(new CommentRangeEnd(span.id))
      children.push(new TextRun({ children: [new CommentReference(span.id)] }))
    }
  })
  return children
}
