import { ApiError } from '../api/fetchJson.ts'
import type { FormMessages } from './messages.ts'

/**
 * Why the server refused, in the UI language: the server's own message is English, for logs
 * and scripts. Refusals a form can foresee (a name taken) are worded by the form itself.
 */
export function refusalText(error: unknown, t: FormMessages): string {
  if (!(error instanceof ApiError)) return t.refused.offline
  if (error.code === 'unknown_delegation') return t.refused.unknownDelegation
  switch (error.status) {
    case 400:
    case 413:
      return t.refused.badRequest
    case 403:
      return t.refused.forbidden
    case 404:
      return t.refused.notFound
    case 429:
      return t.refused.tooMany
    case 502:
    case 503:
    case 504:
      return t.refused.unavailable
    default:
      return t.refused.other(error.status)
  }
}

/**
 * For useSubmission: words a failure in the UI language, by `explain` when the form foresees
 * the refusal (a name already taken), else by refusalText.
 */
export const refusalIn =
  (t: FormMessages, explain?: (error: ApiError) => string | null) =>
  (error: unknown): string =>
    (error instanceof ApiError ? explain?.(error) : null) ?? refusalText(error, t)
