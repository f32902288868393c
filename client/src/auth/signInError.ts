import { ApiError } from '../api/fetchJson.ts'
import type { AccountMessages } from '../account/messages.ts'

/** Why a sign-in failed, kept as a kind so that the message follows the UI language. */
export type SignInError =
  | { kind: 'wrongCredentials' }
  | { kind: 'tooManyAttempts' }
  | { kind: 'unreachable' }
  | { kind: 'failed'; detail: string }

/** The kind of a sign-in failure from what `auth.signIn` threw. */
export function signInErrorOf(error: unknown): SignInError {
  if (error instanceof ApiError) {
    if (error.status === 401) return { kind: 'wrongCredentials' }
    if (error.status === 429) return { kind: 'tooManyAttempts' }
    return { kind: 'failed', detail: error.message }
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return { kind: 'unreachable' }
  return { kind: 'failed', detail: error instanceof Error ? error.message : String(error) }
}

export function signInErrorMessage(error: SignInError, t: AccountMessages): string {
  switch (error.kind) {
    case 'wrongCredentials':
      return t.signInWrong
    case 'tooManyAttempts':
      return t.signInTooMany
    case 'unreachable':
      return t.signInUnreachable
    case 'failed':
      return t.signInFailed(error.detail)
  }
}
