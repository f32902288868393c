import type { Delegation } from '../../../shared/api.ts'
import type { RevisionSummary } from '../../../shared/revisions.ts'
import type { SilenceProcedure } from '../../../shared/silence/silenceSchema.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { SilenceDialog } from './SilenceDialog.tsx'
import { useFormatInstant } from './silenceText.ts'
import { delegationName } from './silenceView.ts'

interface SilenceHistoryDialogProps {
  procedures: readonly SilenceProcedure[]
  revisions: readonly RevisionSummary[]
  delegations: readonly Delegation[]
  onClose: () => void
}

/** Every silence procedure of the negotiation, by revision, latest first, with its outcome. */
export function SilenceHistoryDialog({
  procedures,
  revisions,
  delegations,
  onClose,
}: SilenceHistoryDialogProps) {
  const t = useSilenceMessages()
  const { t: common, language } = useI18n()
  const format = useFormatInstant()
  const symbolOf = (revisionId: string) =>
    revisions.find((r) => r.id === revisionId)?.symbol ?? t.silenceUnknownRevision
  // Revisions in the order of their latest procedure, newest first.
  const latestFirst = [...procedures].reverse()
  const revisionIds = [...new Set(latestFirst.map((p) => p.revisionId))]

  return (
    <SilenceDialog
      title={t.silenceHistoryTitle}
      testId="silence-history-dialog"
      onClose={onClose}
      isWide
    >
      {procedures.length === 0 ? (
        <p className="dialog-note">{t.silenceHistoryEmpty}</p>
      ) : (
        <div className="silence-history">
          {revisionIds.map((revisionId) => (
            <section key={revisionId} data-testid="silence-history-revision">
              <h3>{symbolOf(revisionId)}</h3>
              <ol>
                {latestFirst
                  .filter((p) => p.revisionId === revisionId)
                  .map((procedure) => (
                    <li
                      key={procedure.id}
                      data-testid="silence-history-item"
                      data-status={procedure.status}
                    >
                      <span className={`silence-chip is-${procedure.status}`}>
                        {t.silenceStatusShort[procedure.status]}
                      </span>{' '}
                      {t.silenceStartedBy(procedure.startedBy.name, format(procedure.startedAt))}
                      <div className="silence-muted">
                        {t.silenceHistoryDeadline(format(procedure.deadline, procedure.timeZone))}
                      </div>
                      {procedure.extensions.map((extension) => (
                        <div key={extension.at} className="silence-muted">
                          {t.silenceHistoryExtension(
                            format(extension.from, procedure.timeZone),
                            format(extension.to, procedure.timeZone),
                            extension.by.name,
                          )}
                        </div>
                      ))}
                      {procedure.brokenBy && (
                        <>
                          <div>
                            {t.silenceBrokenBy(
                              delegationName(procedure.brokenBy.delegation, delegations, language),
                              procedure.brokenBy.name,
                              format(procedure.endedAt ?? procedure.deadline),
                            )}
                          </div>
                          <blockquote className="silence-statement">
                            {procedure.brokenBy.statement}
                          </blockquote>
                        </>
                      )}
                      {procedure.cancelledBy && (
                        <div>
                          {t.silenceCancelledBy(
                            procedure.cancelledBy.name,
                            format(procedure.endedAt ?? procedure.deadline),
                          )}
                        </div>
                      )}
                      {procedure.status === 'adopted' && (
                        <div>
                          {t.silenceAdoptedAt(format(procedure.deadline, procedure.timeZone))}{' '}
                          {t.silenceHistoryExplanations(procedure.explanations.length)}
                        </div>
                      )}
                    </li>
                  ))}
              </ol>
            </section>
          ))}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {common.close}
        </button>
      </div>
    </SilenceDialog>
  )
}
