import { useEffect } from 'react'
import type { Me } from '../../../shared/accountsApi.ts'
import { Header } from '../header/Header.tsx'
import { useI18n } from '../i18n/I18nContext.ts'
import { useAccountMessages } from '../account/useAccountMessages.ts'
import { HOME_PATH, navigate } from '../routes.ts'
import { DelegationsSection } from './DelegationsSection.tsx'
import { NegotiationsSection } from './NegotiationsSection.tsx'
import { UsersSection } from './UsersSection.tsx'
import { useConsoleData } from './useConsoleData.ts'

/** The secretariat's console: negotiations, delegations, users and their roles. */
export function ConsolePage({ me }: { me: Me }) {
  const t = useAccountMessages()
  const { t: common } = useI18n()

  useEffect(() => {
    document.title = `${t.secretariatConsole} · ${common.appName}`
  }, [t, common.appName])

  return (
    <div className="app">
      <Header title="" user={me.user} role={me.user.isSecretariat ? 'secretariat' : null} />
      <main className="console" data-testid="console">
        {!me.user.isSecretariat && (
          <a
            className="console-back"
            href="/"
            onClick={(event) => {
              event.preventDefault()
              navigate(HOME_PATH)
            }}
          >
            {t.backToRoom}
          </a>
        )}
        <h1 className="console-title">{t.secretariatConsole}</h1>
        {me.user.isSecretariat ? (
          <ConsoleSections selfId={me.user.id} />
        ) : (
          <p className="form-error" role="alert">
            {t.consoleForbidden}
          </p>
        )}
      </main>
    </div>
  )
}

function ConsoleSections({ selfId }: { selfId: number }) {
  const t = useAccountMessages()
  const data = useConsoleData()
  return (
    <>
      {data.loadError && (
        <p className="form-error" role="alert">
          {t.actionFailed(data.loadError)}
        </p>
      )}
      <UsersSection
        users={data.users}
        negotiations={data.negotiations}
        delegations={data.delegations}
        selfId={selfId}
        onChanged={data.reloadUsers}
      />
      <NegotiationsSection
        negotiations={data.negotiations}
        delegations={data.delegations}
        onCreated={() => {
          // The creator is given the secretariat role in it: the users' roles change too.
          data.reloadNegotiations()
          data.reloadUsers()
        }}
      />
      <DelegationsSection delegations={data.delegations} onSaved={data.reloadDelegations} />
    </>
  )
}
