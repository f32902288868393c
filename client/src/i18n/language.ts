import type { Language, Messages } from './messages.ts'
import { fr } from './fr.ts'
import { en } from './en.ts'

export const LANGUAGES = ['fr', 'en'] as const satisfies readonly Language[]

export const messagesByLanguage: Record<Language, Messages> = { fr, en }

const STORAGE_KEY = 'draftroom.language'

const isLanguage = (value: unknown): value is Language =>
  (LANGUAGES as readonly unknown[]).includes(value)

/** The UI language kept in localStorage; French unless the user chose English. */
export function loadLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return isLanguage(stored) ? stored : 'fr'
  } catch {
    return 'fr'
  }
}

/** Keeps the choice; a browser that refuses storage just forgets it on reload. */
export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Private modes may refuse storage: the choice still holds for this page.
  }
}
