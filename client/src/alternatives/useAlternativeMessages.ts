import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { AlternativeMessages } from './messages.ts'
import { alternativesEn } from './messagesEn.ts'
import { alternativesFr } from './messagesFr.ts'

export const alternativeMessagesByLanguage: Record<Language, AlternativeMessages> = {
  fr: alternativesFr,
  en: alternativesEn,
}

/** The alternatives' strings in the UI language. */
export function useAlternativeMessages(): AlternativeMessages {
  return alternativeMessagesByLanguage[useI18n().language]
}
