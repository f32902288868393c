import { useCallback, useEffect, useState } from 'react'
import type { Delegation, NegotiationSummary } from '../../../shared/api.ts'
import type { UserSummary } from '../../../shared/accountsApi.ts'
import { fetchDelegations, fetchUsers } from '../api/admin.ts'
import { fetchNegotiationList } from '../api/negotiations.ts'

export interface ConsoleData {
  negotiations: NegotiationSummary[] | null
  delegations: Delegation[] | null
  users: UserSummary[] | null
  loadError: string | null
  /** Each reload throws what the server said, for the action that asked for it to show. */
  reloadNegotiations: () => Promise<void>
  reloadDelegations: () => Promise<void>
  reloadUsers: () => Promise<void>
}

/** What the console shows: every negotiation, delegation and user, reloaded after a change. */
export function useConsoleData(): ConsoleData {
  const [negotiations, setNegotiations] = useState<NegotiationSummary[] | null>(null)
  const [delegations, setDelegations] = useState<Delegation[] | null>(null)
  const [users, setUsers] = useState<UserSummary[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  const reloadNegotiations = useCallback(async () => {
    setNegotiations((await fetchNegotiationList()).negotiations)
  }, [])
  const reloadDelegations = useCallback(async () => {
    setDelegations(await fetchDelegations())
  }, [])
  const reloadUsers = useCallback(async () => {
    setUsers(await fetchUsers())
  }, [])

  useEffect(() => {
    Promise.all([reloadNegotiations(), reloadDelegations(), reloadUsers()]).catch(
      (error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)),
    )
  }, [reloadNegotiations, reloadDelegations, reloadUsers])

  return {
    negotiations,
    delegations,
    users,
    loadError,
    reloadNegotiations,
    reloadDelegations,
    reloadUsers,
  }
}
