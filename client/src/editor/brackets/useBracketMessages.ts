import { useI18n } from '../../i18n/I18nContext.ts'
import type { Language } from '../../i18n/messages.ts'
import type { BracketMessages } from './messages.ts'
import { bracketsEn } from './messagesEn.ts'
import { bracketsFr } from './messagesFr.ts'

const bracketMessagesByLanguage: Record<Language, BracketMessages> = {
  fr: bracketsFr,
  en: bracketsEn,
}

/** Square brackets' strings in the UI language. */
export function useBracketMessages(): BracketMessages {
  return bracketMessagesByLanguage[useI18n().language]
}
