import type { BracketMessages } from './messages.ts'

/** Square brackets in French. */
export const bracketsFr: BracketMessages = {
  button: 'Crochets',
  placeHint: 'Mettre le texte sélectionné entre crochets (non agréé, options en suspens)',
  removeHint: 'Retirer les crochets du texte sélectionné (texte agréé)',
  noSelection: 'Sélectionnez le texte à mettre entre crochets',
  adRef: 'Paragraphe agréé ad referendum : rouvrez-le pour changer ses crochets',
  inBrackets: 'Entre crochets',
  opening: 'début des crochets',
  closing: 'fin des crochets',
}
