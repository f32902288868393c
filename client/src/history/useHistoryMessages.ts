import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { HistoryMessages } from './messages.ts'
import { historyEn } from './messagesEn.ts'
import { historyFr } from './messagesFr.ts'

const historyMessagesByLanguage: Record<Language, HistoryMessages> = {
  fr: historyFr,
  en: historyEn,
}

/** A paragraph's history's strings in the UI language. */
export function useHistoryMessages(): HistoryMessages {
  return historyMessagesByLanguage[useI18n().language]
}
