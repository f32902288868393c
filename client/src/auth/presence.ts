import type { Me } from '../../../shared/accountsApi.ts'
import type { Role } from '../../../shared/permissions.ts'
import { presenceColor } from '../../../shared/presence.ts'

/** What the client publishes in awareness about its user; the server stamps the same anyway. */
export interface PresenceOfUser {
  name: string
  delegation: string | null
  color: string
}

/** The signed-in user as the others see them beside the caret, with their role's colour. */
export const presenceOf = (
  user: Me['user'],
  role: Role | null,
  delegationColors: ReadonlyMap<string, string>,
): PresenceOfUser => ({
  name: user.displayName,
  delegation: user.delegation,
  color: presenceColor(user.delegation, role, delegationColors),
})
