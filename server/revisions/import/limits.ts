/**
 * Limits of revision import. The route enforces the file size; ImportWorkers the number of
 * imports at once, their time (IMPORT_TIMEOUT_MS, server/env.ts) and memory; the readers the
 * rest, so that reading costs time and memory in proportion to a file no larger than
 * MAX_IMPORT_BYTES.
 */

/** The largest .docx or text file accepted for import (bytes); the route answers 413 above it. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

/**
 * The longest line of a text, or paragraph of a .docx, accepted (characters). The longest
 * paragraph of the compact has under 1,000 characters; twenty times that is several pages of one
 * paragraph, while a longer line is a file that is not a UN text (or has lost its line breaks),
 * refused with a message rather than read.
 */
export const MAX_LINE_CHARS = 20_000

/**
 * The most lines of a text, or paragraphs of a .docx, accepted. The compact wrapped at 72
 * columns is about 1,300 lines; a whole 5 MiB file wrapped so, with a blank line between
 * paragraphs, is under 150,000. Bounds the memory of a file of empty lines or `<w:p/>`.
 */
export const MAX_IMPORT_LINES = 250_000

/**
 * The most blocks (sections, headings, paragraphs, objectives, actions) an imported draft may
 * have. The compact has about 240. Publishing the draft (its Yjs state) happens on the event loop,
 * in time proportional to its blocks: 5,000 blocks of a 5 MiB file take about 300 ms there, the
 * 48,000 paragraphs a 16 MiB document.xml can hold over two seconds.
 */
export const MAX_IMPORT_BLOCKS = 5_000

/**
 * The largest part read out of a .docx once inflated (bytes), checked while inflating. The
 * compact written by the docx package has a document.xml of 110 KB; Word's own, with revision
 * ids, run formatting, tracked changes and comments, a few times to ten times that. 16 MiB is
 * over a hundred times the first, while a hostile zip inflates a thousandfold.
 */
export const MAX_DOCX_PART_BYTES = 16 * 1024 * 1024

/**
 * How deep elements of a .docx part may nest. Word nests a run in a table cell in a text box in
 * a drawing at about 20; the readers look up the open elements, so depth bounds their work.
 */
export const MAX_XML_DEPTH = 256

/**
 * Imports read at once, each in its own worker thread; more are turned away (503). Imports are
 * rare (a co-facilitator publishing a revision), and the server runs on two cores: two imports
 * leave one core's worth of time to everyone else at worst.
 */
export const MAX_RUNNING_IMPORTS = 2

/**
 * The heap of an import worker (MiB); past it the worker dies and the import is refused. The
 * largest files accepted (a 5 MiB text, a .docx whose document.xml is at MAX_DOCX_PART_BYTES)
 * are read within a 64 MiB heap; four times that is headroom, not a budget.
 */
export const IMPORT_WORKER_HEAP_MB = 256

/** Problems listed by an ImportError before the rest are summed up in a last entry. */
export const MAX_IMPORT_ISSUES = 100
