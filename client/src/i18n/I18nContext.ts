/**
 * The one i18n pattern of the client.
 *
 * - This context holds the UI language (French by default, kept in localStorage) and the global
 *   words, `Messages` (./messages.ts, ./fr.ts, ./en.ts): the app shell, connection and saved
 *   state, notices, the room's toolbar, outline and editor labels, and the words every feature
 *   shares (cancel, close, dismiss, loading...).
 * - Every feature owns its own dictionary beside its code: `messages.ts` (the interface),
 *   `messagesFr.ts`, `messagesEn.ts`, read through its hook, e.g. `useSilenceMessages()`,
 *   which picks the table for `useI18n().language`. A component takes its feature's strings as
 *   `const t = useXMessages()`, and any global word as `const { t: common } = useI18n()`.
 * - A new feature adds its folder's three files and hook; it never adds to `Messages`. Dates go
 *   through ./formatDate.ts, plurals through shared/plural.ts.
 */
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
