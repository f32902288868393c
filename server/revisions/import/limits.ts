/** Limits of revision import. The route enforces the file size; the readers enforce the rest. */

/** The largest .docx or text file accepted for import (bytes); the route answers 413 above it. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

/**
 * The largest part read out of a .docx once inflated (bytes). Word's XML inflates ten to twenty
 * times; a hostile zip inflates a thousandfold, so the inflater stops here instead.
 */
export const MAX_DOCX_PART_BYTES = 64 * 1024 * 1024

/** Problems listed by an ImportError before the rest are summed up in a last entry. */
export const MAX_IMPORT_ISSUES = 100
