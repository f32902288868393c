import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { SilenceMessages } from './messages.ts'
import { silenceEn } from './messagesEn.ts'
import { silenceFr } from './messagesFr.ts'

export const silenceMessagesByLanguage: Record<Language, SilenceMessages> = {
  fr: silenceFr,
  en: silenceEn,
}

/** The silence procedure's strings in the UI language. */
export function useSilenceMessages(): SilenceMessages {
  return silenceMessagesByLanguage[useI18n().language]
}
