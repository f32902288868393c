import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { AccountMessages } from './messages.ts'
import { accountsEn } from './messagesEn.ts'
import { accountsFr } from './messagesFr.ts'

export const accountMessagesByLanguage: Record<Language, AccountMessages> = {
  fr: accountsFr,
  en: accountsEn,
}

/** The strings of sign-in, the user menu, tokens and the console in the UI language. */
export function useAccountMessages(): AccountMessages {
  return accountMessagesByLanguage[useI18n().language]
}
