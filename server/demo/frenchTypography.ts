const NBSP = '\u00a0'

/**
 * Puts the non-breaking spaces of French typography into demo text written with plain spaces:
 * inside « guillemets », and before the high punctuation ; : ? ! and the percent sign.
 * The demo text has no URLs or times, so every colon is punctuation.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/«\s*/g, `«${NBSP}`)
    .replace(/\s*»/g, `${NBSP}»`)
    .replace(/\s*([;:?!%])/g, `${NBSP}$1`)
}
