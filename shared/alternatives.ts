import { z } from 'zod'
import { MAX_ALTERNATIVE_LENGTH } from './limits.ts'
import { AD_REF_BLOCKS } from './draft/names.ts'

/**
 * Alternatives (issue 16, "Alt 23."): a delegation proposes another wording for a whole
 * paragraph or action. An Alt is a proposal (its record carries `alternative`), shown beside the
 * paragraph rather than interleaved with its text; accepting it replaces the paragraph's text.
 */

/** Blocks an alternative may be proposed for: the numbered ones, as for agreed ad ref. */
export const ALTERNATIVE_BLOCKS = AD_REF_BLOCKS

/** Whether a block of this node type may receive an alternative. */
export const mayHaveAlternative = (nodeType: string): boolean =>
  (ALTERNATIVE_BLOCKS as readonly string[]).includes(nodeType)

/**
 * The wording as it is kept: one paragraph has no line breaks, so every run of white space
 * (a pasted line break included) becomes one space, and the ends are trimmed.
 */
export const normalizeAlternative = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** `POST /api/negotiations/:nid/blocks/:uid/alternatives`. */
export const ProposeAlternativeRequest = z.strictObject({
  text: z
    .string()
    .transform(normalizeAlternative)
    .pipe(
      z
        .string()
        .min(1, 'an alternative needs a wording')
        .max(MAX_ALTERNATIVE_LENGTH, `at most ${MAX_ALTERNATIVE_LENGTH} characters`),
    ),
  rationale: z.string().trim().max(4_000).optional(),
})
export type ProposeAlternativeRequest = z.input<typeof ProposeAlternativeRequest>

/** Whether a proposal's record is an alternative wording. */
export const isAlternative = (record: { alternative?: { text: string } | undefined }): boolean =>
  record.alternative !== undefined

/** How an alternative is named, after its block's number: "Alt 23.", "Alt d bis)". */
export const alternativeLabel = (blockLabel: string | null): string =>
  blockLabel ? `Alt ${blockLabel}` : 'Alt'
