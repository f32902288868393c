import { useEffect, useState } from 'react'
import type { Me } from '../../../shared/accountsApi.ts'
import { auth, useAuth } from '../api/useAuth.ts'
import { useNegotiation } from '../api/useNegotiation.ts'
import { SignInPage } from '../auth/SignInPage.tsx'
import { ConsolePage } from '../console/ConsolePage.tsx'
import { Header } from '../header/Header.tsx'
import { useI18n } from '../i18n/I18nContext.ts'
import { RevisionsPages } from '../revisions/RevisionsPages.tsx'
import { DraftRoom } from './DraftRoom.tsx'
import { routeOf, usePathname } from '../routes.ts'

/** Signs the user in, then opens the room (or, for the secretariat, the console). */
export function App() {
  const { t } = useI18n()
  const state = useAuth()
  const pathname = usePathname()

  useEffect(() => {
    void auth.check()
  }, [])

  switch (state.status) {
    case 'checking':
      return <p className="app-message">{t.loading}</p>
    case 'signedOut':
      return <SignInPage hasExpired={state.hasExpired} />
    case 'signedIn': {
      const route = routeOf(pathname)
      if (route.page === 'revisions' || route.page === 'compare') {
        const { negotiationId, page: view } = route
        return (
          <RevisionsPages key={state.me.user.id} me={state.me} route={{ negotiationId, view }} />
        )
      }
      // Keyed by user: another user signing in starts from a clean room. The secretariat,
      // who negotiates nothing, lands on its console; its rooms are a link away.
      const isConsole =
        route.page === 'console' || (route.page === 'home' && state.me.user.isSecretariat)
      return isConsole ? (
        <ConsolePage key={state.me.user.id} me={state.me} />
      ) : (
        <Room key={state.me.user.id} me={state.me} />
      )
    }
  }
}

/** Loads the negotiation in the URL (or the user's first) and opens its room. */
function Room({ me }: { me: Me }) {
  const { t } = useI18n()
  const [attempt, setAttempt] = useState(0)
  const state = useNegotiation(attempt)

  switch (state.status) {
    case 'loading':
      return <p className="app-message">{t.loading}</p>
    case 'empty':
      return (
        <div className="app">
          <Header title="" user={me.user} role={null} />
          <p className="app-message">{t.noNegotiation}</p>
        </div>
      )
    case 'error':
      return (
        <div className="app">
          <Header title="" user={me.user} role={null} />
          <div className="app-message" role="alert">
            <p>{t.loadFailed(state.message)}</p>
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              {t.retry}
            </button>
          </div>
        </div>
      )
    case 'ready':
      return (
        <DraftRoom negotiation={state.negotiation} me={me} isOfflineCopy={state.isOfflineCopy} />
      )
  }
}
