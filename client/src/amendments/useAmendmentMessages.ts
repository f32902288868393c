import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { AmendmentMessages } from './messages.ts'
import { amendmentsEn } from './messagesEn.ts'
import { amendmentsFr } from './messagesFr.ts'

export const amendmentMessagesByLanguage: Record<Language, AmendmentMessages> = {
  fr: amendmentsFr,
  en: amendmentsEn,
}

/** The Word door's strings in the UI language. */
export function useAmendmentMessages(): AmendmentMessages {
  return amendmentMessagesByLanguage[useI18n().language]
}
