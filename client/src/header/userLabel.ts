import type { Me } from '../../../shared/accountsApi.ts'
import type { Role } from '../../../shared/permissions.ts'
import type { AccountMessages } from '../account/messages.ts'

/** "Délégation de la France — FRA — délégation": who the user is and as what they sit here. */
export function userLabel(user: Me['user'], role: Role | null, t: AccountMessages): string {
  const parts = [user.displayName, user.delegation, role ? t.roles[role] : t.noRole]
  return parts.filter((part): part is string => Boolean(part)).join(' — ')
}
