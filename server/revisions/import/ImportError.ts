import { MAX_IMPORT_ISSUES } from './limits.ts'

/**
 * One reason a revision cannot be imported. `line` is 1-based: a line of the text, or for a .docx
 * the paragraph of the Word document; 0 when the problem is the whole file.
 */
export interface ImportIssue {
  line: number
  message: string
}

const where = (issue: ImportIssue): string =>
  issue.line > 0 ? `line ${issue.line}: ${issue.message}` : issue.message

/** Thrown when a revision file cannot become a draft; lists every line that cannot be placed. */
export class ImportError extends Error {
  readonly issues: readonly ImportIssue[]

  constructor(issues: readonly ImportIssue[]) {
    const listed = issues.slice(0, MAX_IMPORT_ISSUES)
    const more = issues.length - listed.length
    const all =
      more > 0
        ? [
            ...listed,
            { line: 0, message: `... and ${more} more ${more === 1 ? 'problem' : 'problems'}` },
          ]
        : listed
    const first = all[0]
    super(
      all.length === 1 && first
        ? where(first)
        : `The revision cannot be imported: ${issues.length} problems (first, ${first ? where(first) : 'none'})`,
    )
    this.name = 'ImportError'
    this.issues = all
  }
}

/** An ImportError about the whole file (line 0). */
export const fileError = (message: string): ImportError => new ImportError([{ line: 0, message }])
