import type { z } from 'zod'
import type { FormMessages } from './messages.ts'

/** Why each field's value is refused, in the UI language; fields absent are fine. */
export type FieldErrors<Name extends string> = Partial<Record<Name, string>>

/**
 * Words the issues of a shared zod schema (the one the server checks with) field by field:
 * an empty field is missing, a short one too short; a value off its pattern gets the field's
 * own description of it (`formats`). The first issue of a field wins.
 */
export function fieldErrorsOf<Name extends string>(
  values: Record<Name, unknown>,
  issues: readonly z.core.$ZodIssue[],
  t: FormMessages,
  formats: Partial<Record<Name, string>> = {},
): FieldErrors<Name> {
  const errors: FieldErrors<Name> = {}
  for (const issue of issues) {
    const name = issue.path[0]
    if (typeof name !== 'string' || !(name in values)) continue
    const field = name as Name
    if (errors[field] !== undefined) continue
    const value = values[field]
    errors[field] = isEmpty(value) ? t.missing : wording(issue, t, formats[field])
  }
  return errors
}

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '')

function wording(issue: z.core.$ZodIssue, t: FormMessages, format: string | undefined): string {
  switch (issue.code) {
    case 'too_small':
      return t.tooShort(Number(issue.minimum))
    case 'too_big':
      return t.tooLong(Number(issue.maximum))
    case 'invalid_value':
      return t.choose
    default:
      return format ?? t.refused.badRequest
  }
}
