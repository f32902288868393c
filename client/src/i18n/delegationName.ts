import type { Delegation } from '../../../shared/api.ts'
import type { Language } from './messages.ts'

/**
 * A delegation's name in the UI's language, from the delegations table: the one place that
 * picks `nameFr` or `nameEn` (a third language would be added here and in the table).
 */
export const delegationNameIn = (
  delegation: Pick<Delegation, 'nameFr' | 'nameEn'>,
  language: Language,
): string => (language === 'fr' ? delegation.nameFr : delegation.nameEn)
