import { useMemo } from 'react'
import type { Participant } from '../../../shared/api.ts'
import { CO_FACILITATORS } from '../../../shared/draft/index.ts'
import { CO_FACILITATORS_COLOR } from '../../../shared/presence.ts'

/**
 * One CSS rule per delegation, setting `--proposal-color` on the marks and blocks of its
 * proposals (their `data-delegation`, `data-inserted-by`, `data-deleted-by` attributes): the
 * text's proposals are drawn in their delegation's colour in this negotiation (the server gives
 * it, the same as its delegates' carets) by plain CSS.
 */
export function proposalColorRules(
  delegations: readonly { code: string; color: string }[],
): string {
  return [{ code: CO_FACILITATORS, color: CO_FACILITATORS_COLOR }, ...delegations]
    .filter(
      ({ code, color }) =>
        /^([A-Z]{3}|co-facilitators)$/.test(code) && /^#[0-9a-f]{6}$/i.test(color),
    )
    .map(
      ({ code, color }) =>
        `[data-delegation="${code}"],[data-inserted-by="${code}"],[data-deleted-by="${code}"],` +
        `[data-proposal-delegation="${code}"]{--proposal-color:${color}}`,
    )
    .join('\n')
}

/** The style map of the negotiation's delegations. */
export function ProposalColors({ delegations }: { delegations: readonly Participant[] }) {
  const rules = useMemo(() => proposalColorRules(delegations), [delegations])
  return <style data-testid="proposal-colors">{rules}</style>
}
