import { useState } from 'react'
import type { Me, Policies } from '../../../shared/accountsApi.ts'
import type { NegotiationDetail } from '../../../shared/api.ts'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { may } from '../auth/abilities.ts'
import type { CollabSession } from '../collab/CollabSession.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { BreakSilenceDialog } from './BreakSilenceDialog.tsx'
import { CancelSilenceDialog } from './CancelSilenceDialog.tsx'
import { Explanations } from './Explanations.tsx'
import { ExtendSilenceDialog } from './ExtendSilenceDialog.tsx'
import { revisionExportUrl } from '../api/revisions.ts'
import { SilenceBanner } from './SilenceBanner.tsx'
import { SilenceBar } from './SilenceBar.tsx'
import { SilenceHistoryDialog } from './SilenceHistoryDialog.tsx'
import { delegationName } from './silenceView.ts'
import { StartSilenceDialog } from './StartSilenceDialog.tsx'
import { useDismissed } from './useDismissed.ts'
import { useRoomRevisions } from './useRoomRevisions.ts'
import { useServerClock } from './useServerClock.ts'
import { useSilence } from './useSilence.ts'
import './silence.css'

interface SilenceAreaProps {
  session: CollabSession
  negotiation: NegotiationDetail
  policies: Policies
  me: Me
}

type OpenDialog = 'start' | 'extend' | 'cancel' | 'break' | 'history'

/**
 * The silence procedure in the room (DESIGN.md section 5): the banner of the current procedure,
 * live from the shared document, with what the user may do about it (co-facilitators: start,
 * extend, cancel; delegations: break silence, then explain their position), and the history.
 */
export function SilenceArea({ session, negotiation, policies, me }: SilenceAreaProps) {
  const t = useSilenceMessages()
  const { language } = useI18n()
  const { procedures, current } = useSilence(session)
  const now = useServerClock(negotiation.id)
  const { revisions, isLoaded } = useRoomRevisions(negotiation.id, procedures)
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const [dismissed, dismiss] = useDismissed()
  const close = () => setDialog(null)

  const mayRun = may(policies, 'runSilence')
  const ownDelegation = may(policies, 'breakSilence') ? me.user.delegation : null
  const running = current?.status === 'running' ? current : null
  const isEnded = current?.status === 'broken' || current?.status === 'cancelled'
  const shown = current && !(isEnded && dismissed.has(current.id)) ? current : null
  const symbolOf = (procedure: SilenceProcedure) =>
    revisions.find((r) => r.id === procedure.revisionId)?.symbol ??
    (isLoaded ? t.silenceUnknownRevision : '')
  // The circulated text as the server renders it for print: read-only, the revision itself.
  const revisionHrefOf = (procedure: SilenceProcedure) =>
    revisions.some((r) => r.id === procedure.revisionId)
      ? revisionExportUrl(negotiation.id, procedure.revisionId, 'html')
      : null

  const button = (testId: string, label: string, open: OpenDialog, isDanger = false) => (
    <button
      type="button"
      className={`button button-small${isDanger ? ' button-danger' : ''}`}
      data-testid={testId}
      onClick={() => setDialog(open)}
    >
      {label}
    </button>
  )
  const historyButton =
    procedures.length > 0 && button('silence-history', t.silenceHistory, 'history')
  const startButton =
    mayRun && (current === null || isEnded) && button('silence-start', t.silenceStart, 'start')

  return (
    <>
      {running && (
        <SilenceBar
          procedure={running}
          revisionSymbol={symbolOf(running)}
          revisionHref={revisionHrefOf(running)}
          now={now}
        />
      )}
      {shown ? (
        <SilenceBanner
          procedure={shown}
          revisionSymbol={symbolOf(shown)}
          revisionHref={revisionHrefOf(shown)}
          delegations={negotiation.delegations}
          onDismiss={isEnded ? () => dismiss(shown.id) : undefined}
          actions={
            <>
              {running && ownDelegation && button('silence-break', t.silenceBreak, 'break', true)}
              {running && mayRun && button('silence-extend', t.silenceExtend, 'extend')}
              {running && mayRun && button('silence-cancel', t.silenceCancel, 'cancel')}
              {startButton}
              {historyButton}
            </>
          }
        >
          {shown.status === 'adopted' && (
            <Explanations
              procedure={shown}
              delegations={negotiation.delegations}
              ownDelegation={ownDelegation}
            />
          )}
        </SilenceBanner>
      ) : (
        (startButton || historyButton) && (
          <div className="silence-strip" data-testid="silence-strip">
            <span className="silence-strip-label">{t.silenceName}</span>
            {startButton}
            {historyButton}
          </div>
        )
      )}

      {dialog === 'start' && (
        <StartSilenceDialog negotiationId={negotiation.id} now={now} onClose={close} />
      )}
      {dialog === 'history' && (
        <SilenceHistoryDialog
          procedures={procedures}
          revisions={revisions}
          delegations={negotiation.delegations}
          onClose={close}
        />
      )}
      {/* These act on the running procedure: they close by themselves when it ends. */}
      {running && dialog === 'extend' && (
        <ExtendSilenceDialog procedure={running} now={now} onClose={close} />
      )}
      {running && dialog === 'cancel' && (
        <CancelSilenceDialog procedure={running} onClose={close} />
      )}
      {running && dialog === 'break' && ownDelegation && (
        <BreakSilenceDialog
          procedure={running}
          delegation={delegationName(ownDelegation, negotiation.delegations, language)}
          onClose={close}
        />
      )}
    </>
  )
}
