import { createContext, useCallback, useContext } from 'react'
import type { Delegation } from '../../../shared/api.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { proposerName } from './proposerName.ts'
import { useProposalMessages } from './useProposalMessages.ts'
import { delegationNameIn } from '../i18n/delegationName.ts'

/**
 * The delegations of the negotiation on screen, by code (its detail gives them): proposals are
 * attributed to a delegation by its name in the UI's language, from the delegations table, not
 * by the display name of the user who typed them (which is in whatever language they chose).
 */
export const DelegationsContext = createContext<ReadonlyMap<string, Delegation>>(new Map())

/** The name of a delegation in the UI's language; its code when the negotiation has no such. */
export function useDelegationName(): (code: string) => string {
  const { language } = useI18n()
  const t = useProposalMessages()
  const delegations = useContext(DelegationsContext)
  return useCallback(
    (code: string) => {
      const delegation = delegations.get(code)
      if (!delegation) return proposerName(code, t)
      return delegationNameIn(delegation, language)
    },
    [delegations, language, t],
  )
}
