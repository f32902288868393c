import { z } from 'zod'
import { Delegation, NegotiationSummary } from '../../../shared/api.ts'
import { UserSummary } from '../../../shared/accountsApi.ts'
import type {
  AddDelegationRequest,
  CreateDelegationRequest,
  CreateNegotiationRequest,
  CreateUserRequest,
} from '../../../shared/accountsApi.ts'
import type { Role } from '../../../shared/permissions.ts'
import { fetchJson, send, sendJson } from './fetchJson.ts'

/** The secretariat console's calls (server/routes/admin.ts). */

const path = (value: string | number) => encodeURIComponent(String(value))

export const fetchUsers = async (): Promise<UserSummary[]> =>
  (await fetchJson('/api/users', z.object({ users: z.array(UserSummary) }))).users

export const createUser = async (user: z.output<typeof CreateUserRequest>): Promise<number> =>
  (await sendJson('POST', '/api/users', user, z.object({ id: z.number() }))).id

export const resetPassword = (userId: number, password: string): Promise<void> =>
  send('POST', `/api/users/${path(userId)}/password`, { password })

export const setUserActive = (userId: number, isActive: boolean): Promise<void> =>
  send('POST', `/api/users/${path(userId)}/${isActive ? 'activate' : 'deactivate'}`)

export const fetchDelegations = async (): Promise<Delegation[]> =>
  (await fetchJson('/api/delegations', z.object({ delegations: z.array(Delegation) }))).delegations

export const saveDelegation = (delegation: z.output<typeof CreateDelegationRequest>) =>
  sendJson('POST', '/api/delegations', delegation, Delegation)

export const createNegotiation = (negotiation: z.output<typeof CreateNegotiationRequest>) =>
  sendJson('POST', '/api/negotiations', negotiation, NegotiationSummary)

export const seatDelegation = (
  negotiationId: string,
  seat: z.output<typeof AddDelegationRequest>,
): Promise<void> => send('POST', `/api/negotiations/${path(negotiationId)}/delegations`, seat)

export const setRole = (negotiationId: string, userId: number, role: Role | null): Promise<void> =>
  send('PUT', `/api/negotiations/${path(negotiationId)}/roles/${path(userId)}`, { role })
