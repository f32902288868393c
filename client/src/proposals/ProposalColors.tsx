import { useMemo } from 'react'
import type { Delegation } from '../../../shared/api.ts'
import { CO_FACILITATORS } from '../../../shared/draft/index.ts'
import { CO_FACILITATORS_COLOR, delegationColor } from '../../../shared/presence.ts'

/** The colour of a proposal's delegation, the same as its delegates' carets. */
export const proposalColor = (delegation: string): string =>
  delegation === CO_FACILITATORS ? CO_FACILITATORS_COLOR : delegationColor(delegation)

/**
 * One CSS rule per delegation, setting `--proposal-color` on the marks and blocks of its
 * proposals (their `data-delegation`, `data-inserted-by`, `data-deleted-by` attributes): the
 * text's proposals are drawn in their delegation's colour by plain CSS.
 */
export function proposalColorRules(delegations: readonly string[]): string {
  return [...new Set([CO_FACILITATORS, ...delegations])]
    .filter((code) => /^([A-Z]{3}|co-facilitators)$/.test(code))
    .map(
      (code) =>
        `[data-delegation="${code}"],[data-inserted-by="${code}"],[data-deleted-by="${code}"],` +
        `[data-proposal-delegation="${code}"]{--proposal-color:${proposalColor(code)}}`,
    )
    .join('\n')
}

/** The style map of the negotiation's delegations. */
export function ProposalColors({ delegations }: { delegations: readonly Delegation[] }) {
  const rules = useMemo(() => proposalColorRules(delegations.map((d) => d.code)), [delegations])
  return <style data-testid="proposal-colors">{rules}</style>
}
