import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../client/src/api/fetchJson.ts'
import { signInErrorMessage, signInErrorOf } from '../../../client/src/auth/signInError.ts'
import { accountsEn } from '../../../client/src/account/messagesEn.ts'
import { accountsFr } from '../../../client/src/account/messagesFr.ts'

describe('sign-in errors', () => {
  it('tell wrong credentials, too many attempts and an unreachable server apart', () => {
    expect(
      signInErrorOf(new ApiError(401, 'unauthorized', 'Wrong user name or password.')),
    ).toEqual({ kind: 'wrongCredentials' })
    expect(signInErrorOf(new ApiError(429, 'too_many_requests', 'wait'))).toEqual({
      kind: 'tooManyAttempts',
    })
    expect(signInErrorOf(new TypeError('Failed to fetch'))).toEqual({ kind: 'unreachable' })
    expect(signInErrorOf(new ApiError(500, 'internal', 'Something went wrong.'))).toEqual({
      kind: 'failed',
      detail: 'Something went wrong.',
    })
  })

  it('are worded in the UI language', () => {
    expect(signInErrorMessage({ kind: 'wrongCredentials' }, accountsFr)).toBe(
      'Nom d’utilisateur ou mot de passe incorrect.',
    )
    expect(signInErrorMessage({ kind: 'tooManyAttempts' }, accountsFr)).toBe(
      'Trop de tentatives\u00a0: attendez une minute avant de réessayer.',
    )
    expect(signInErrorMessage({ kind: 'tooManyAttempts' }, accountsEn)).toBe(
      'Too many attempts: wait a minute before trying again.',
    )
  })
})
