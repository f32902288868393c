import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Language } from './messages.ts'
import { loadLanguage, messagesByLanguage, saveLanguage } from './language.ts'
import { I18nContext, type I18n } from './I18nContext.ts'

/** Provides the UI language and its strings; the choice is kept in localStorage. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(loadLanguage)

  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next)
    setLanguageState(next)
  }, [])

  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  const value = useMemo<I18n>(
    () => ({ language, t: messagesByLanguage[language], setLanguage }),
    [language, setLanguage],
  )
  return <I18nContext value={value}>{children}</I18nContext>
}
