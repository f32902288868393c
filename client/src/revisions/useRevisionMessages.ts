import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { RevisionMessages } from './messages.ts'
import { revisionsEn } from './messagesEn.ts'
import { revisionsFr } from './messagesFr.ts'

export const revisionMessagesByLanguage: Record<Language, RevisionMessages> = {
  fr: revisionsFr,
  en: revisionsEn,
}

/** The revisions' and comparison's strings in the UI language. */
export function useRevisionMessages(): RevisionMessages {
  return revisionMessagesByLanguage[useI18n().language]
}
