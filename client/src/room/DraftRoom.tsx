import { useEffect } from 'react'
import type { NegotiationDetail } from '../../../shared/api.ts'
import type { CollabSession } from '../collab/CollabSession.ts'
import { useCollabSession, useConnectionStatus } from '../collab/useCollabSession.ts'
import { useSavedState } from '../collab/useSavedState.ts'
import { useNotices } from '../collab/useNotices.ts'
import { useDraftEditor } from '../editor/useDraftEditor.ts'
import { DraftPage } from '../editor/DraftPage.tsx'
import { Toolbar } from '../editor/Toolbar.tsx'
import { Outline } from '../outline/Outline.tsx'
import { Header } from '../header/Header.tsx'
import { ConnectionBanner } from '../feedback/ConnectionBanner.tsx'
import { Toasts } from '../feedback/Toasts.tsx'
import type { Identity } from '../identity/identity.ts'
import { useI18n } from '../i18n/I18nContext.ts'

interface DraftRoomProps {
  negotiation: NegotiationDetail
  identity: Identity
  isOfflineCopy: boolean
  onChangeIdentity: () => void
}

/** The negotiation room: header, outline, toolbar and the live draft. */
export function DraftRoom(props: DraftRoomProps) {
  const session = useCollabSession(props.negotiation.roomName)
  const { t } = useI18n()
  if (!session) return <p className="app-message">{t.loading}</p>
  return <OpenRoom key={session.roomName} session={session} {...props} />
}

function OpenRoom({
  session,
  negotiation,
  identity,
  isOfflineCopy,
  onChangeIdentity,
}: DraftRoomProps & { session: CollabSession }) {
  const { t } = useI18n()
  const { connection, closedBy } = useConnectionStatus(session)
  const saved = useSavedState(session, connection)
  const { toasts, dismiss } = useNotices(session)
  const { editor, isLoaded } = useDraftEditor({
    session,
    identity,
    textLanguage: negotiation.language,
  })

  useEffect(() => {
    document.title = `${negotiation.title} · ${t.appName}`
  }, [negotiation.title, t.appName])

  return (
    <div className="app">
      <Header
        title={negotiation.title}
        identity={identity}
        connection={connection}
        saved={saved}
        onChangeIdentity={onChangeIdentity}
      />
      {closedBy && <ConnectionBanner closedBy={closedBy} onRetry={() => session.retry()} />}
      {isOfflineCopy && !closedBy && connection !== 'connected' && (
        <div className="banner banner-warning" role="status">
          {t.offlineCopy}
        </div>
      )}
      <main className="workspace">
        <aside className="workspace-side">
          <Outline editor={editor} isLoaded={isLoaded} />
        </aside>
        <div className="workspace-page">
          <Toolbar editor={editor} />
          <DraftPage editor={editor} title={negotiation.title} isLoaded={isLoaded} />
        </div>
      </main>
      <Toasts toasts={toasts} onDismiss={dismiss} />
    </div>
  )
}
