import type { Delegation } from '../../../shared/api.ts'
import { CO_FACILITATORS } from '../../../shared/draft/index.ts'

export type WordLanguage = 'fr' | 'en'

const CO_FACILITATORS_NAME = { fr: 'Co-facilitateurs', en: 'Co-facilitators' } as const

/**
 * The author Word shows for a delegation's tracked changes and comments: its name in the export's
 * language ("Maroc" / "Morocco"), so that Word's Review pane lists the changes by delegation.
 */
export function delegationNamer(
  participants: { delegations: Delegation[]; coFacilitators: Delegation[] },
  language: WordLanguage,
): (code: string) => string {
  const names = new Map(
    [...participants.delegations, ...participants.coFacilitators].map((d) => [
      d.code,
      language === 'fr' ? d.nameFr : d.nameEn,
    ]),
  )
  return (code) =>
    code === CO_FACILITATORS ? CO_FACILITATORS_NAME[language] : (names.get(code) ?? code)
}
