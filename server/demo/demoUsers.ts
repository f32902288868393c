import type { Role } from '../../shared/permissions.ts'

/** The demo accounts' password (demo mode only; the README says so). */
export const DEMO_PASSWORD = 'demo'

/** The demo accounts of DESIGN.md section 8: one user per delegation, code in lower case. */
export const DEMO_USERS: {
  username: string
  displayName: string
  delegation: string | null
  isSecretariat: boolean
  role: Role
}[] = [
  {
    username: 'secretariat',
    displayName: 'Secrétariat',
    delegation: null,
    isSecretariat: true,
    role: 'secretariat',
  },
  {
    username: 'mex',
    displayName: 'Juan José Gómez Camacho',
    delegation: 'MEX',
    isSecretariat: false,
    role: 'coFacilitator',
  },
  {
    username: 'che',
    displayName: 'Jürg Lauber',
    delegation: 'CHE',
    isSecretariat: false,
    role: 'coFacilitator',
  },
  {
    username: 'fra',
    displayName: 'Délégation de la France',
    delegation: 'FRA',
    isSecretariat: false,
    role: 'delegation',
  },
  {
    username: 'mar',
    displayName: 'Délégation du Maroc',
    delegation: 'MAR',
    isSecretariat: false,
    role: 'delegation',
  },
  {
    username: 'phl',
    displayName: 'Delegation of the Philippines',
    delegation: 'PHL',
    isSecretariat: false,
    role: 'delegation',
  },
  {
    username: 'deu',
    displayName: 'Delegation of Germany',
    delegation: 'DEU',
    isSecretariat: false,
    role: 'delegation',
  },
  {
    username: 'bra',
    displayName: 'Delegação do Brasil',
    delegation: 'BRA',
    isSecretariat: false,
    role: 'delegation',
  },
  {
    username: 'egy',
    displayName: 'Delegation of Egypt',
    delegation: 'EGY',
    isSecretariat: false,
    role: 'delegation',
  },
  {
    username: 'iom',
    displayName: 'OIM (observateur)',
    delegation: null,
    isSecretariat: false,
    role: 'observer',
  },
]
