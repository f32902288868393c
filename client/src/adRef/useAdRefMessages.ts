import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { AdRefMessages } from './messages.ts'
import { adRefEn } from './messagesEn.ts'
import { adRefFr } from './messagesFr.ts'

export const adRefMessagesByLanguage: Record<Language, AdRefMessages> = {
  fr: adRefFr,
  en: adRefEn,
}

/** The ad ref button's strings in the UI language. */
export function useAdRefMessages(): AdRefMessages {
  return adRefMessagesByLanguage[useI18n().language]
}
