import type { BracketMessages } from './messages.ts'

/** Square brackets in English. */
export const bracketsEn: BracketMessages = {
  button: 'Brackets',
  placeHint: 'Put the selected text in square brackets (not agreed, options pending)',
  removeHint: 'Remove the brackets from the selected text (agreed)',
  noSelection: 'Select the text to put in brackets',
  adRef: 'Paragraph agreed ad referendum: reopen it to change its brackets',
  inBrackets: 'In brackets',
  opening: 'brackets open',
  closing: 'brackets close',
}
