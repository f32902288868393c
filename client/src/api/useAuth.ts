import { useSyncExternalStore } from 'react'
import { forgetOfflineData } from '../auth/offlineData.ts'
import { AuthStore, type AuthState } from './session.ts'

/** The client's one session. */
export const auth = new AuthStore({ forgetOfflineData })

/** The session state, re-rendering when the user signs in or out or the session ends. */
export function useAuth(): AuthState {
  return useSyncExternalStore(auth.subscribe, () => auth.state)
}
