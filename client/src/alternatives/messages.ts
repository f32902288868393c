import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import { alternativesEn } from './messagesEn.ts'
import { alternativesFr } from './messagesFr.ts'

/** The strings of alternatives: the boxes beside the paragraphs and the dialog to propose one. */
export interface AlternativeMessages {
  /** The header's button, with the paragraph at the caret ("§ 23", "7 d)"). */
  propose: (label: string | null) => string
  proposeHint: string
  dialogTitle: (label: string | null) => string
  dialogIntro: string
  wording: string
  rationale: string
  submit: string
  cancel: string
  failed: (reason: string) => string
  /** A box's name for screen readers: "Alt 23. proposed by France". */
  boxLabel: (alt: string, delegation: string) => string
  accept: string
  reject: string
  withdraw: string
  rationaleLabel: string
  supporters: string
}

const byLanguage: Record<Language, AlternativeMessages> = {
  fr: alternativesFr,
  en: alternativesEn,
}

/** The alternatives' strings in the UI language. */
export function useAlternativeMessages(): AlternativeMessages {
  return byLanguage[useI18n().language]
}
