/**
 * The `diff_linesToChars` trick of diff-match-patch applied to words: each distinct token of the
 * two texts becomes one character, so that the character diff of the codes is a token diff.
 * Codes start in the private-use area (6,400 characters) and continue below the surrogates, which
 * diff-match-patch must never cut in half; they never leave this module.
 */

const PRIVATE_USE_START = 0xe000
const PRIVATE_USE_SIZE = 0x1900
const OVERFLOW_START = 0x0100
const OVERFLOW_SIZE = 0xd800 - OVERFLOW_START

/** How many distinct tokens two texts may have between them. */
export const MAX_DISTINCT_TOKENS = PRIVATE_USE_SIZE + OVERFLOW_SIZE

const codeOf = (index: number): string =>
  String.fromCharCode(
    index < PRIVATE_USE_SIZE
      ? PRIVATE_USE_START + index
      : OVERFLOW_START + index - PRIVATE_USE_SIZE,
  )

/** A growing token <-> character table shared by the texts of one diff. */
export class TokenCodes {
  private readonly codes = new Map<string, string>()
  private readonly tokens = new Map<string, string>()

  /** The codes of `tokens`, or null when the table is full. */
  encode(tokens: readonly string[]): string | null {
    let encoded = ''
    for (const token of tokens) {
      let code = this.codes.get(token)
      if (code === undefined) {
        if (this.codes.size >= MAX_DISTINCT_TOKENS) return null
        code = codeOf(this.codes.size)
        this.codes.set(token, code)
        this.tokens.set(code, token)
      }
      encoded += code
    }
    return encoded
  }

  /** The text that `encoded` stands for. */
  decode(encoded: string): string {
    let text = ''
    for (const code of encoded) text += this.tokens.get(code) ?? ''
    return text
  }
}
