import type { z } from 'zod'
import { badRequest } from '../errors.ts'

/** Validates a request body with a shared zod schema; 400 naming the first bad field. */
export function parseBody<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): z.infer<Schema> {
  const result = schema.safeParse(body ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]
    const field = issue?.path.join('.') || 'body'
    throw badRequest(`${field}: ${issue?.message ?? 'invalid'}`)
  }
  return result.data
}
