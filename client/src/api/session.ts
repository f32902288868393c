import { z } from 'zod'
import { Me, SessionState } from '../../../shared/accountsApi.ts'
import { ApiError, fetchJson, onUnauthorized, send, sendJson, setCsrfToken } from './fetchJson.ts'

/** Who is using the client: still being checked, signed out, or signed in. */
export type AuthState =
  | { status: 'checking' }
  | {
      status: 'signedOut'
      /** The session ended on its own (expired, signed out elsewhere, deactivated). */
      hasExpired: boolean
    }
  | {
      status: 'signedIn'
      me: Me
      /** The server could not be reached: the user of the last visit, for the offline copy. */
      isOffline: boolean
    }

const ME_CACHE_KEY = 'draftroom.me'
// What is kept on the device for an offline start: never the CSRF token.
const CachedMe = Me.extend({ csrfToken: z.null() })

export interface AuthStoreOptions {
  /** Deletes what this device keeps of the drafts (offline copies), e.g. for the next user. */
  forgetOfflineData: () => Promise<void>
}

/**
 * The session as the client knows it: `Me` from sign-in or `/api/me`, its CSRF token (handed to
 * the request layer) and the state the app renders from. Any 401 from the API ends it.
 */
export class AuthStore {
  #state: AuthState = { status: 'checking' }
  readonly #listeners = new Set<() => void>()

  constructor(private readonly options: AuthStoreOptions) {
    onUnauthorized(() => this.expire())
  }

  get state(): AuthState {
    return this.#state
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Asks the server who is signed in (on start, and when the connection was refused). */
  async check(): Promise<void> {
    try {
      // Asked of /api/session, which answers "nobody" with 200: a 401 would be logged as an
      // error in the console of every visitor of the sign-in page.
      const { me } = await fetchJson('/api/session', SessionState)
      if (me) this.#signedIn(me, false)
      else this.expire()
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.status === 401) this.expire()
        // Another answer (a 500) says nothing about the session: keep what we have.
        else if (this.#state.status === 'checking')
          this.#set({ status: 'signedOut', hasExpired: false })
        return
      }
      // No network: the last user may still work on the offline copy; the server decides later.
      const cached = loadCachedMe()
      if (this.#state.status === 'checking') {
        this.#set(
          cached
            ? { status: 'signedIn', me: cached, isOffline: true }
            : { status: 'signedOut', hasExpired: false },
        )
      }
    }
  }

  /** Signs in; throws the ApiError (401 wrong credentials, 429 too many attempts) or a network error. */
  async signIn(username: string, password: string): Promise<void> {
    const me = await sendJson('POST', '/api/session', { username, password }, Me, {
      isSignIn: true,
    })
    // Another user's offline copy may hold changes they never sent: not this user's to send.
    const previous = loadCachedMe()
    if (previous && previous.user.id !== me.user.id) await this.options.forgetOfflineData()
    this.#signedIn(me, false)
  }

  /** Ends the session on the server and forgets this device's copy of the drafts. */
  async signOut(): Promise<void> {
    try {
      await send('DELETE', '/api/session')
    } catch (error) {
      // Already ended on the server: signing out locally is all that is left to do.
      if (!(error instanceof ApiError && error.status === 401)) throw error
    }
    setCsrfToken(null)
    forgetCachedMe()
    // Signed out first: the room closes its offline copy, which IndexedDB needs to delete it.
    this.#set({ status: 'signedOut', hasExpired: false })
    await this.options.forgetOfflineData()
  }

  /** The server said the session is over (a 401, or the WebSocket closed with 4401). */
  expire(): void {
    setCsrfToken(null)
    if (this.#state.status === 'signedOut') return
    this.#set({ status: 'signedOut', hasExpired: this.#state.status === 'signedIn' })
  }

  #signedIn(me: Me, isOffline: boolean): void {
    setCsrfToken(me.csrfToken)
    saveCachedMe(me)
    this.#set({ status: 'signedIn', me, isOffline })
  }

  #set(state: AuthState): void {
    this.#state = state
    this.#listeners.forEach((listener) => listener())
  }
}

function loadCachedMe(): Me | null {
  try {
    const raw = localStorage.getItem(ME_CACHE_KEY)
    const parsed = CachedMe.safeParse(raw ? JSON.parse(raw) : null)
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function saveCachedMe(me: Me): void {
  try {
    localStorage.setItem(ME_CACHE_KEY, JSON.stringify({ ...me, csrfToken: null }))
  } catch {
    // Storage refused: no offline start for this user, nothing else changes.
  }
}

function forgetCachedMe(): void {
  try {
    localStorage.removeItem(ME_CACHE_KEY)
  } catch {
    // Nothing stored.
  }
}
