import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { FormMessages } from './messages.ts'
import { formsEn } from './messagesEn.ts'
import { formsFr } from './messagesFr.ts'

const formMessagesByLanguage: Record<Language, FormMessages> = { fr: formsFr, en: formsEn }

/** The fields' and refusals' strings in the UI language. */
export function useFormMessages(): FormMessages {
  return formMessagesByLanguage[useI18n().language]
}
