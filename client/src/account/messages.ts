import type { Role } from '../../../shared/permissions.ts'

/** The strings of sign-in, the user menu, personal tokens and the secretariat console. */
export interface AccountMessages {
  signInTitle: string
  signInIntro: string
  username: string
  password: string
  signInSubmit: string
  signingIn: string
  signInWrong: string
  signInTooMany: string
  signInUnreachable: string
  signInFailed: (detail: string) => string
  sessionEnded: string
  demoAccounts: string
  demoPassword: string

  userMenuLabel: string
  roles: Record<Role, string>
  noRole: string
  menuLanguage: string
  languageNames: Record<'fr' | 'en', string>
  personalTokens: string
  secretariatConsole: string
  signOut: string
  signOutFailed: (detail: string) => string
  readOnly: string
  readOnlyHint: string

  tokensIntro: string
  tokenName: string
  tokenNamePlaceholder: string
  createToken: string
  tokenShownOnce: string
  copy: string
  copied: string
  tokensEmpty: string
  tokenCreatedOn: (date: string) => string
  tokenRevokedOn: (date: string) => string
  revoke: string
  tokenRevoked: (name: string) => string

  backToRoom: string
  consoleForbidden: string
  consoleNegotiations: string
  newNegotiation: string
  negotiationId: string
  negotiationIdHint: string
  negotiationExists: (id: string) => string
  negotiationTitle: string
  textLanguage: string
  create: string
  negotiationCreated: (id: string) => string
  consoleDelegations: string
  newDelegation: string
  delegationCode: string
  delegationCodeHint: string
  delegationNameFr: string
  delegationNameEn: string
  saveDelegation: string
  delegationSaved: (code: string) => string
  seatTitle: string
  negotiation: string
  delegation: string
  standing: string
  standings: Record<'delegation' | 'coFacilitator', string>
  seat: string
  delegationSeated: (code: string, negotiationId: string) => string
  consoleUsers: string
  newUser: string
  displayName: string
  usernameHint: string
  usernameTaken: (username: string) => string
  passwordHint: (minLength: number) => string
  noDelegation: string
  isSecretariat: string
  createUser: string
  userCreated: (username: string) => string
  userColumn: string
  statusColumn: string
  roleIn: (negotiationId: string) => string
  actionsColumn: string
  active: string
  inactive: string
  deactivate: string
  activate: string
  userDeactivated: (username: string) => string
  userActivated: (username: string) => string
  resetPassword: string
  newPassword: string
  setPassword: string
  passwordReset: (username: string) => string
  roleSet: (username: string, role: string, negotiationId: string) => string
  /** Asked before a role changes: what a delegate may do in a negotiation is at stake. */
  confirmRole: (username: string, role: string | null, negotiationId: string) => string
  confirmRoleChange: string
  roleRemoved: (username: string, negotiationId: string) => string
  actionFailed: (detail: string) => string
  invalidField: (field: string, detail: string) => string
}
