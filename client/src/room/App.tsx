import { useState } from 'react'
import { useNegotiation } from '../api/useNegotiation.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { IdentityDialog } from '../identity/IdentityDialog.tsx'
import { loadIdentity, saveIdentity, type Identity } from '../identity/identity.ts'
import { DraftRoom } from './DraftRoom.tsx'

/** Loads the negotiation, asks who the user is, then opens the room. */
export function App() {
  const { t } = useI18n()
  const [attempt, setAttempt] = useState(0)
  const state = useNegotiation(attempt)
  const [identity, setIdentity] = useState<Identity | null>(loadIdentity)
  const [isChangingIdentity, setIsChangingIdentity] = useState(false)

  switch (state.status) {
    case 'loading':
      return <p className="app-message">{t.loading}</p>
    case 'empty':
      return <p className="app-message">{t.noNegotiation}</p>
    case 'error':
      return (
        <div className="app-message" role="alert">
          <p>{t.loadFailed(state.message)}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            {t.retry}
          </button>
        </div>
      )
    case 'ready': {
      const { negotiation, isOfflineCopy } = state
      const handleIdentity = (next: Identity) => {
        saveIdentity(next)
        setIdentity(next)
        setIsChangingIdentity(false)
      }
      if (!identity) {
        return (
          <IdentityDialog
            delegations={negotiation.delegations}
            initial={null}
            onSubmit={handleIdentity}
          />
        )
      }
      return (
        <>
          <DraftRoom
            negotiation={negotiation}
            identity={identity}
            isOfflineCopy={isOfflineCopy}
            onChangeIdentity={() => setIsChangingIdentity(true)}
          />
          {isChangingIdentity && (
            <IdentityDialog
              delegations={negotiation.delegations}
              initial={identity}
              onSubmit={handleIdentity}
              onCancel={() => setIsChangingIdentity(false)}
            />
          )}
        </>
      )
    }
  }
}
