/**
 * French-aware tokenization for word diffs and word counts. A text is cut into tokens that
 * concatenate back to it exactly: words, runs of white space (including the non-breaking spaces
 * U+00A0 and U+202F of French typography), and single punctuation marks (« » ; : …).
 *
 * A word is letters (accented, œ, æ), marks and digits, joined inside by hyphens (bien-être,
 * c’est-à-dire), apostrophes (aujourd’hui) and, between digits, decimal commas or points (10,5;
 * cible 10.7). An elided article or pronoun (l’, d’, qu’, jusqu’ ...) is a word of its own, so
 * that "l’État" -> "l’Union" is one word changed and "l’" is kept.
 */

// Elided forms only, so that "aujourd’hui", "quelqu’un" or "presqu’île" stay one word. The
// regex only tries them where a token starts: inside a word, the word alternative has consumed it.
const ELISION = String.raw`(?:[cçdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’](?=\p{L})`
const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:(?:['’\u2010\u2011-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*`
const TOKEN = new RegExp(`${ELISION}|${WORD}|\\s+|[^]`, 'giu')

const WORD_START = /^[\p{L}\p{M}\p{N}]/u

/** The tokens of `text`, in order; joined, they are `text`. */
export const tokenize = (text: string): string[] => text.match(TOKEN) ?? []

/** Whether a token is a word (rather than space or punctuation). */
export const isWordToken = (token: string): boolean => WORD_START.test(token)

/** The words of `text`, as the summary counts them. */
export const countWords = (text: string): number => tokenize(text).filter(isWordToken).length
