/**
 * A count with its noun in the right form, by the language's plural rules (Intl.PluralRules):
 * "0 paragraphe modifié", "2 paragraphes modifiés"; "1 paragraph changed", "0 paragraphs
 * changed". French counts 0 and 1 as singular, English only 1: "paragraphe(s)" is neither.
 */
export interface PluralForms {
  one: string
  other: string
}

const rulesByLanguage = new Map<string, Intl.PluralRules>()

export function countOf(count: number, forms: PluralForms, language: 'fr' | 'en'): string {
  let rules = rulesByLanguage.get(language)
  if (!rules) {
    rules = new Intl.PluralRules(language)
    rulesByLanguage.set(language, rules)
  }
  return `${count} ${rules.select(count) === 'one' ? forms.one : forms.other}`
}
