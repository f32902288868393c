/**
 * Who may do what (DESIGN.md section 1), as data that the server's policies enforce and the
 * client reads to show only what the user may do.
 */

export const ROLES = ['secretariat', 'coFacilitator', 'delegation', 'observer'] as const
export type Role = (typeof ROLES)[number]

export const ABILITIES = [
  'read',
  /** Edit the text directly (untracked). */
  'edit',
  /** Make proposals: insert, delete, replace, add or delete a paragraph or action. */
  'propose',
  'support',
  'comment',
  /** Withdraw one's own delegation's proposal while it is open. */
  'withdraw',
  /** Accept or reject proposals. */
  'decide',
  /** Mark a paragraph or action agreed ad referendum, or reopen it. */
  'agreeAdRef',
  /** Publish or import a revision. */
  'publish',
  /** Create, rename and date the negotiation's rounds. */
  'scheduleRounds',
  /** Start, extend or cancel a silence procedure. */
  'runSilence',
  /** Break silence; file an explanation of position after adoption. */
  'breakSilence',
  /** Manage negotiations, delegations, users and roles. */
  'manage',
] as const
export type Ability = (typeof ABILITIES)[number]

const ABILITIES_BY_ROLE: Record<Role, readonly Ability[]> = {
  secretariat: ['read', 'manage'],
  coFacilitator: [
    'read',
    'edit',
    'propose',
    'comment',
    'decide',
    'agreeAdRef',
    'publish',
    'scheduleRounds',
    'runSilence',
  ],
  delegation: ['read', 'propose', 'support', 'comment', 'withdraw', 'breakSilence'],
  observer: ['read'],
}

/** Whether a role grants an ability in a negotiation. */
export const roleAllows = (role: Role | null, ability: Ability): boolean =>
  role !== null && ABILITIES_BY_ROLE[role].includes(ability)

/** Everything a role may do, as sent to the client next to the data. */
export const abilitiesOf = (role: Role | null): Ability[] =>
  role === null ? [] : [...ABILITIES_BY_ROLE[role]]

/** Whether a role may change the text at all (directly or by proposals). */
export const mayWriteDraft = (role: Role | null): boolean =>
  roleAllows(role, 'edit') || roleAllows(role, 'propose')
