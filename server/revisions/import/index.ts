/** Importing a revision from a .docx or UN-style plain text. */
export { ImportError, type ImportIssue } from './ImportError.ts'
export { MAX_IMPORT_BYTES } from './limits.ts'
export { importRevisionFile } from './importRevisionFile.ts'
export { ImportWorkers, type ImportOutcome } from './ImportWorkers.ts'
export { importRevisionDocx, parseRevisionDocx } from './parseRevisionDocx.ts'
export { importRevisionText, parseRevisionText, type RevisionImport } from './parseRevisionText.ts'
export type { SkippedLine } from './RevisionReader.ts'
