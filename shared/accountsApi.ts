import { z } from 'zod'
import {
  MAX_NAME_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  NEGOTIATION_ID_PATTERN,
  USERNAME_PATTERN,
} from './limits.ts'
import { ABILITIES, ROLES } from './permissions.ts'

/** Request and response shapes of sign-in, tokens and the secretariat console. */

const name = z.string().trim().min(1).max(MAX_NAME_LENGTH)
const password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH)
export const DelegationCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code')

export const SignInRequest = z.object({
  username: z.string().max(80),
  password: z.string().max(MAX_PASSWORD_LENGTH),
})

export const Me = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    delegation: z.string().nullable(),
    isSecretariat: z.boolean(),
  }),
  roles: z.array(z.object({ negotiationId: z.string(), role: z.enum(ROLES) })),
  /** To send back in the `X-CSRF-Token` header of state-changing requests (cookie sessions). */
  csrfToken: z.string().nullable(),
})
export type Me = z.infer<typeof Me>

/** `GET /api/session`: who is signed in, if anyone (200 either way, unlike `/api/me`). */
export const SessionState = z.object({ me: Me.nullable() })
export type SessionState = z.infer<typeof SessionState>

export const Policies = z.object({
  role: z.enum(ROLES).nullable(),
  abilities: z.array(z.enum(ABILITIES)),
})
export type Policies = z.infer<typeof Policies>

export const CreateTokenRequest = z.object({ name })
export const CreateUserRequest = z.object({
  username: z.string().regex(USERNAME_PATTERN, 'lower-case letters, digits, . _ -'),
  displayName: name,
  password,
  delegation: DelegationCode.nullable().default(null),
  isSecretariat: z.boolean().default(false),
})
export const ResetPasswordRequest = z.object({ password })
export const SetRoleRequest = z.object({ role: z.enum(ROLES).nullable() })
export const CreateDelegationRequest = z.object({
  code: DelegationCode,
  nameFr: name,
  nameEn: name,
})
export const AddDelegationRequest = z.object({
  code: DelegationCode,
  standing: z.enum(['delegation', 'coFacilitator']).default('delegation'),
})
export const CreateNegotiationRequest = z.object({
  id: z.string().regex(NEGOTIATION_ID_PATTERN, 'lower-case letters, digits and dashes'),
  title: name,
  language: z.enum(['fr', 'en']).default('fr'),
})

export const UserSummary = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  delegation: z.string().nullable(),
  isSecretariat: z.boolean(),
  isActive: z.boolean(),
  roles: z.array(z.object({ negotiationId: z.string(), role: z.enum(ROLES) })),
})
export type UserSummary = z.infer<typeof UserSummary>
