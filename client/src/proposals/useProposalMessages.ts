import { useI18n } from '../i18n/I18nContext.ts'
import type { Language } from '../i18n/messages.ts'
import type { ProposalMessages } from './messages.ts'
import { proposalsEn } from './messagesEn.ts'
import { proposalsFr } from './messagesFr.ts'

export const proposalMessagesByLanguage: Record<Language, ProposalMessages> = {
  fr: proposalsFr,
  en: proposalsEn,
}

/** The proposals' strings in the UI language. */
export function useProposalMessages(): ProposalMessages {
  return proposalMessagesByLanguage[useI18n().language]
}
