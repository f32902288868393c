import { createContext, useContext } from 'react'
import type { Language, Messages } from './messages.ts'
import { fr } from './fr.ts'

export interface I18n {
  language: Language
  t: Messages
  setLanguage: (language: Language) => void
}

export const I18nContext = createContext<I18n>({
  language: 'fr',
  t: fr,
  setLanguage: () => undefined,
})

/** The current UI language and its strings. */
export const useI18n = (): I18n => useContext(I18nContext)
