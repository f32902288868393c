import type { Language } from '../../../shared/numbering.ts'
import { SECTION_KINDS, type SectionKind } from '../../../shared/schema/sectionKinds.ts'

/** The section headings of the compact in both languages, as UN texts print them. */
export const SECTION_HEADINGS: Record<SectionKind, Record<Language, string>> = {
  preamble: { fr: 'Préambule', en: 'Preamble' },
  vision: {
    fr: 'Notre vision et nos principes directeurs',
    en: 'Our vision and guiding principles',
  },
  cooperativeFramework: { fr: 'Notre cadre de coopération', en: 'Our cooperative framework' },
  objectives: {
    fr: 'Objectifs pour des migrations sûres, ordonnées et régulières',
    en: 'Objectives for safe, orderly and regular migration',
  },
  implementation: { fr: 'Mise en œuvre', en: 'Implementation' },
  followUp: { fr: 'Suivi et examen', en: 'Follow-up and review' },
}

/**
 * A heading reduced to what identifies it: lower case, no accents or ligatures, every run of
 * spaces (NBSP included), punctuation and dashes one space; "Mise en oeuvre" and "MISE EN ŒUVRE"
 * then meet.
 */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const LANGUAGES: readonly Language[] = ['fr', 'en']

interface HeadingMatch {
  kind: SectionKind
  language: Language
}

const KINDS_BY_KEY = new Map(
  SECTION_KINDS.flatMap((kind) =>
    LANGUAGES.map((language): [string, HeadingMatch] => [
      headingKey(SECTION_HEADINGS[kind][language]),
      { kind, language },
    ]),
  ),
)

// "I.", "IV -", "A)" or "3." before a heading, as chapters are numbered in some UN layouts.
// Anchored, one quantifier per run of characters: linear in the line.
const HEADING_ENUMERATOR = /^(?:[IVXLC]+|[A-Z]|\d{1,2})\s*[.)\u2013\u2014-]?\s+/

// Longer lines are running text, left alone whatever they hold: twice the longest heading
// leaves room for an enumerator, spaces and a final period.
const MAX_HEADING_CHARS =
  2 *
  Math.max(
    ...Object.values(SECTION_HEADINGS).flatMap((names) =>
      Object.values(names).map((name) => name.length),
    ),
  )

const TRAILING = /[\s.:]/u

// The end of a heading without its spaces, periods and colons. A scan from the end: the
// regex /[\s.:]+$/ tried a run of them from every start and was quadratic in the run.
function withoutTrailingPunctuation(text: string): string {
  let end = text.length
  while (end > 0 && TRAILING.test(text.charAt(end - 1))) end -= 1
  return text.slice(0, end)
}

/** The section a line heads, if it is one of the compact's headings, and its language. */
export function matchSectionHeading(line: string): (HeadingMatch & { title: string }) | null {
  if (line.length > MAX_HEADING_CHARS) return null
  const title = withoutTrailingPunctuation(line.trim().replace(HEADING_ENUMERATOR, ''))
  // A heading opens with a capital and ends with a letter: a wrapped line of running text such
  // as "mise en œuvre ;" is not one.
  if (!/^\p{Lu}.*\p{L}$/u.test(title)) return null
  const match = KINDS_BY_KEY.get(headingKey(title))
  return match ? { ...match, title } : null
}
