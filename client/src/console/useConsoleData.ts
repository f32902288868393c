import { useState } from 'react'
import type { Delegation, NegotiationSummary } from '../../../shared/api.ts'
import type { UserSummary } from '../../../shared/accountsApi.ts'
import { fetchDelegations, fetchUsers } from '../api/admin.ts'
import { fetchNegotiationList } from '../api/negotiations.ts'
import { useRequest, type RequestState } from '../api/useRequest.ts'

export interface ConsoleData {
  negotiations: NegotiationSummary[] | null
  delegations: Delegation[] | null
  users: UserSummary[] | null
  /** Why a list could not be read (the first that failed). */
  loadError: string | null
  /** Each list is read again after a change; a failure shows as `loadError`. */
  reloadNegotiations: () => void
  reloadDelegations: () => void
  reloadUsers: () => void
}

const valueOf = <T>(request: RequestState<T>): T | null =>
  request.status === 'ready' ? request.value : null

/** What the console shows: every negotiation, delegation and user, reloaded after a change. */
export function useConsoleData(): ConsoleData {
  const [attempts, setAttempts] = useState({ negotiations: 0, delegations: 0, users: 0 })
  const negotiations = useRequest(
    'negotiations',
    async () => (await fetchNegotiationList()).negotiations,
    attempts.negotiations,
  )
  const delegations = useRequest('delegations', fetchDelegations, attempts.delegations)
  const users = useRequest('users', fetchUsers, attempts.users)
  const reload = (list: keyof typeof attempts) => () =>
    setAttempts((previous) => ({ ...previous, [list]: previous[list] + 1 }))
  const failed = [negotiations, delegations, users].find((request) => request.status === 'error')

  return {
    negotiations: valueOf(negotiations),
    delegations: valueOf(delegations),
    users: valueOf(users),
    loadError: failed?.status === 'error' ? failed.message : null,
    reloadNegotiations: reload('negotiations'),
    reloadDelegations: reload('delegations'),
    reloadUsers: reload('users'),
  }
}
