/** The strings of square brackets in the room. */
export interface BracketMessages {
  /** The toolbar button. */
  button: string
  /** What the button will do, or why it cannot. */
  placeHint: string
  removeHint: string
  noSelection: string
  adRef: string
  /** Read out (and shown on hover) with the brackets in the text. */
  inBrackets: string
  opening: string
  closing: string
}
