import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { ActivityMessages } from './messages.ts'
import { activityEn } from './messagesEn.ts'
import { activityFr } from './messagesFr.ts'

const activityMessagesByLanguage: Record<Language, ActivityMessages> = {
  fr: activityFr,
  en: activityEn,
}

/** The activity feed's strings in the UI language. */
export function useActivityMessages(): ActivityMessages {
  return activityMessagesByLanguage[useI18n().language]
}
