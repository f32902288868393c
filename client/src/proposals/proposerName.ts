import { CO_FACILITATORS } from '../../../shared/draft/index.ts'
import type { ProposalMessages } from './messages.ts'

/** The name a proposal's author goes by: a delegation code, or the co-facilitators. */
export const proposerName = (delegation: string, t: ProposalMessages): string =>
  delegation === CO_FACILITATORS ? t.coFacilitators : delegation
