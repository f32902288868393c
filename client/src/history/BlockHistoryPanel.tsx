import { useEffect, useId, useRef } from 'react'
import type { BlockHistory } from '../../../shared/blockHistory.ts'
import { fetchBlockHistory } from '../api/blockHistory.ts'
import { useRequest } from '../api/useRequest.ts'
import { formatDateTime } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import type { HistoryMessages } from './messages.ts'
import { useHistoryMessages } from './useHistoryMessages.ts'
import './history.css'

/**
 * The history of one paragraph or action, as a drawer: its text now, every proposal made on it
 * with its outcome and who decided, and how it read in each published revision.
 */
export function BlockHistoryPanel(props: {
  negotiationId: string
  uid: string
  /** Its number as the user knows it ("§ 17", "9 a)"). */
  label: string | null
  /** Bumped when the room's records change: the history is read again. */
  changes: number
  onClose: () => void
}) {
  const t = useHistoryMessages()
  const titleId = useId()
  const closeRef = useRef<HTMLButtonElement>(null)
  const request = useRequest(
    `${props.negotiationId}/${props.uid}`,
    () => fetchBlockHistory(props.negotiationId, props.uid),
    props.changes,
  )
  useEffect(() => closeRef.current?.focus(), [])
  const history = request.status === 'ready' ? request.value : null

  return (
    <aside
      className="side-drawer"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="history-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') props.onClose()
      }}
    >
      <header className="history-header">
        <h2 id={titleId}>{t.title(props.label)}</h2>
        <button type="button" className="button" ref={closeRef} onClick={props.onClose}>
          {t.close}
        </button>
      </header>
      {request.status === 'loading' && <p className="history-note">{t.loading}</p>}
      {request.status === 'error' && (
        <p className="history-error" role="alert">
          {t.failed(request.message)}
        </p>
      )}
      {history && <HistoryBody history={history} t={t} />}
    </aside>
  )
}

function HistoryBody({ history, t }: { history: BlockHistory; t: HistoryMessages }) {
  const { language } = useI18n()
  const date = (iso: string) => formatDateTime(iso, language)
  return (
    <>
      <section className="history-section">
        <h3>{t.now}</h3>
        <p className="history-text" data-testid="history-now">
          {history.text}
        </p>
      </section>
      <section className="history-section">
        <h3>{t.proposals}</h3>
        {history.proposals.length === 0 && <p className="history-note">{t.noProposals}</p>}
        <ol className="history-list" data-testid="history-proposals">
          {history.proposals.map((p) => (
            <li key={p.id} className="history-item" data-status={p.status}>
              <p className="history-meta">
                <span className="history-code">{p.delegation}</span> · {t.status[p.status]} ·{' '}
                {t.proposedOn(date(p.createdAt))}
                {p.decidedBy && p.decidedAt && (
                  <> · {t.decided(p.decidedBy.name, date(p.decidedAt))}</>
                )}
              </p>
              {p.inserted && (
                <p className="history-change">
                  <span className="history-label">{t.inserted}</span> <ins>{p.inserted}</ins>
                </p>
              )}
              {p.deleted && (
                <p className="history-change">
                  <span className="history-label">{t.deleted}</span> <del>{p.deleted}</del>
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
      <section className="history-section">
        <h3>{t.revisions}</h3>
        {history.revisions.length === 0 && <p className="history-note">{t.noRevisions}</p>}
        <ol className="history-list" data-testid="history-revisions">
          {history.revisions.map((r) => (
            <li key={r.revisionId} className="history-item" data-status={r.status}>
              <p className="history-meta">
                <span className="history-code">{r.symbol}</span> · {date(r.publishedAt)} ·{' '}
                {t.inRevision[r.status]}
                {r.label && r.status !== 'absent' && <> · {r.label}</>}
              </p>
              {r.text !== null && r.status !== 'unchanged' && (
                <p className="history-text">{r.text}</p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
