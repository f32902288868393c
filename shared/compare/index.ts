/** The comparison of two revisions: one entry point, its schema, and the word-level helpers. */
export { agreedTextOf } from './agreedText.ts'
export { compareDrafts } from './compareDrafts.ts'
export * from './comparisonSchema.ts'
export { summarizeComparison } from './summarizeComparison.ts'
export { countWords, isWordToken, tokenize } from './tokenize.ts'
export { diffWords } from './wordDiff.ts'
