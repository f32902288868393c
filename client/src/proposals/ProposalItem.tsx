import { memo, useEffect, useRef, useState, type FormEvent } from 'react'
import { failureOf, useSubmission, wordFailure } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import type { ProposalMessages } from './messages.ts'
import { CommentThreads } from './CommentThreads.tsx'
import { ProposalTextForm } from './ProposalTextForm.tsx'
import { actOnProposal, type ProposalAction } from '../api/proposals.ts'
import type { ProposalChange } from './proposalChanges.ts'
import type { ProposalRights } from './proposer.ts'
import { proposerName } from './proposerName.ts'
import { useDelegationName } from './delegationNames.ts'
import type { ProposalView } from './useProposals.ts'
import { useProposalMessages } from './useProposalMessages.ts'
import { formatDateTime } from '../i18n/formatDate.ts'

interface ProposalItemProps {
  view: ProposalView
  rights: ProposalRights
  negotiationId: string
  /** Goes to the proposal in the text, where it is now. */
  onGoTo: (proposalId: string) => void
  /** The caret is in this proposal's change: the card is shown selected, and brought into view. */
  isSelected?: boolean
}

const isSameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((piece, i) => piece === b[i])

/** The same change as the item shows it: where it starts in the document is not shown. */
function isSameChange(a: ProposalChange | null, b: ProposalChange | null): boolean {
  if (a === b) return true
  if (!a || !b) return false
  return (
    isSameList(a.inserted, b.inserted) &&
    isSameList(a.deleted, b.deleted) &&
    a.block?.kind === b.block?.kind &&
    a.block?.change === b.block?.change &&
    a.objective === b.objective &&
    a.objectiveUid === b.objectiveUid &&
    a.blockLabel === b.blockLabel &&
    a.context.before === b.context.before &&
    a.context.after === b.context.after
  )
}

/** Whether an item would draw the same: typing elsewhere must not redraw hundreds of them. */
function isSameItem(a: ProposalItemProps, b: ProposalItemProps): boolean {
  return (
    a.rights === b.rights &&
    a.negotiationId === b.negotiationId &&
    a.onGoTo === b.onGoTo &&
    a.isSelected === b.isSelected &&
    a.view.record === b.view.record &&
    a.view.isInText === b.view.isInText &&
    a.view.objective === b.view.objective &&
    a.view.objectiveUid === b.view.objectiveUid &&
    a.view.reversalObstacle === b.view.reversalObstacle &&
    isSameChange(a.view.change, b.view.change)
  )
}

/** An alternative's wording, whole, as it is shown beside its paragraph: not a change in it. */
function AlternativeText(props: { text: string; blockLabel: string | null; t: ProposalMessages }) {
  return (
    <span className="proposal-change proposal-alternative" data-testid="proposal-change">
      <span className="proposal-change-block">{props.t.alternativeOf(props.blockLabel)}</span>
      <span className="proposal-alternative-text">{props.text}</span>
    </span>
  )
}

/** The change itself: what is deleted struck through, what is inserted underlined. */
function ChangeText({ change, t }: { change: ProposalChange | null; t: ProposalMessages }) {
  const block = change?.block
  const title = block
    ? block.change === 'inserted'
      ? t.newBlock[block.kind]
      : t.deletedBlock[block.kind]
    : null
  const isEmpty = !change || (change.inserted.length === 0 && change.deleted.length === 0)
  return (
    <span className="proposal-change" data-testid="proposal-change">
      {title && <span className="proposal-change-block">{title}</span>}
      {change?.context.before && (
        <span className="proposal-context" data-testid="proposal-context-before">
          {change.context.before}
        </span>
      )}
      {change?.deleted.map((piece, i) => (
        <del key={`deleted-${i}`}>{piece}</del>
      ))}
      {change?.inserted.map((piece, i) => (
        <ins key={`inserted-${i}`}>{piece}</ins>
      ))}
      {change?.context.after && (
        <span className="proposal-context" data-testid="proposal-context-after">
          {change.context.after}
        </span>
      )}
      {isEmpty && <span className="proposal-change-empty">{t.noTextLeft}</span>}
    </span>
  )
}

/**
 * One proposal in the panel: who, where, the change, its rationale, supporters and comments,
 * and the actions the user's policies allow on it.
 */
export const ProposalItem = memo(function ProposalItem({
  view,
  rights,
  negotiationId,
  onGoTo,
  isSelected = false,
}: ProposalItemProps) {
  const t = useProposalMessages()
  const delegationName = useDelegationName()
  const { language } = useI18n()
  const { record, change, isInText } = view
  const [form, setForm] = useState<'comment' | 'rationale' | null>(null)
  const [text, setText] = useState('')
  const { submission, submit } = useSubmission()
  const isBusy = submission.status === 'pending'
  const error = failureOf(submission)

  const itemRef = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (isSelected) itemRef.current?.scrollIntoView({ block: 'nearest' })
  }, [isSelected])

  const isOpen = record.status === 'open'
  const isDecided = record.status === 'accepted' || record.status === 'rejected'
  const revertRefusal =
    record.alternative && record.status === 'accepted'
      ? t.alternativeNotRevertible
      : view.reversalObstacle === 'built_on' || view.reversalObstacle === 'not_revertible'
        ? t.revertRefused[view.reversalObstacle]
        : null
  const revertHintId = `revert-hint-${record.id}`
  const isOwn = rights.proposer !== null && record.delegation === rights.proposer
  const hasSupported = rights.proposer !== null && record.supporters.includes(rights.proposer)

  const run = (action: ProposalAction, body: { text?: string; isRationale?: boolean } = {}) =>
    submit(async () => {
      await actOnProposal(negotiationId, record.id, action, body)
      setForm(null)
      setText('')
      return ''
    }, wordFailure(t.actionFailed))
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) return
    void run('comment', { text: text.trim(), isRationale: form === 'rationale' })
  }
  const openForm = (kind: 'comment' | 'rationale') => {
    setForm(kind)
    setText(kind === 'rationale' ? record.rationale : '')
  }

  return (
    <li
      ref={itemRef}
      className={`proposal-item${isOpen ? '' : ' is-decided'}${isSelected ? ' is-selected' : ''}`}
      aria-current={isSelected ? 'true' : undefined}
      data-testid="proposal-item"
      data-proposal-id={record.id}
      data-status={record.status}
      data-delegation={record.delegation}
      data-proposal-delegation={record.delegation}
    >
      <button
        type="button"
        className="proposal-summary"
        data-testid="proposal-open"
        title={isInText ? t.goToText : undefined}
        disabled={!isInText || !change}
        onClick={() => change && onGoTo(record.id)}
      >
        <span className="proposal-head">
          <span className="proposal-badge">{proposerName(record.delegation, t)}</span>
          {change?.blockLabel && <span className="proposal-where">{change.blockLabel}</span>}
          <span
            className={`proposal-status proposal-status-${record.status}`}
            data-testid="proposal-status"
          >
            {t.status[record.status]}
          </span>
        </span>
        {record.alternative ? (
          <AlternativeText
            text={record.alternative.text}
            blockLabel={change?.blockLabel ?? null}
            t={t}
          />
        ) : (
          <ChangeText change={change} t={t} />
        )}
      </button>
      <p className="proposal-meta">
        {t.by(delegationName(record.delegation))} ·{' '}
        <span className="proposal-author" data-testid="proposal-author">
          {record.authorName}
        </span>{' '}
        · <time dateTime={record.createdAt}>{formatDateTime(record.createdAt, language)}</time>
        {record.decidedBy && record.decidedAt && (
          <>
            {' '}
            · {t.decidedBy(record.decidedBy.name)},{' '}
            <time dateTime={record.decidedAt}>{formatDateTime(record.decidedAt, language)}</time>
          </>
        )}
      </p>
      {record.rationale && (
        <p className="proposal-rationale" data-testid="proposal-rationale">
          <span className="proposal-label">{t.rationale}</span> {record.rationale}
        </p>
      )}
      {record.supporters.length > 0 && (
        <p className="proposal-supporters" data-testid="proposal-supporters">
          <span className="proposal-label">{t.supporters}</span>{' '}
          {record.supporters.map((code) => proposerName(code, t)).join(', ')}
        </p>
      )}
      <CommentThreads record={record} rights={rights} negotiationId={negotiationId} />
      <div className="proposal-actions">
        {isOpen && rights.may('support') && !isOwn && rights.proposer !== null && (
          <ActionButton
            action={hasSupported ? 'unsupport' : 'support'}
            label={hasSupported ? t.unsupport : t.support}
            isDisabled={isBusy}
            onClick={() => void run(hasSupported ? 'unsupport' : 'support')}
          />
        )}
        {rights.may('comment') && (
          <ActionButton
            action="comment"
            label={t.comment}
            isDisabled={isBusy}
            onClick={() => openForm('comment')}
          />
        )}
        {isOpen && isOwn && rights.may('comment') && (
          <ActionButton
            action="explain"
            label={t.explain}
            isDisabled={isBusy}
            onClick={() => openForm('rationale')}
          />
        )}
        {isOpen && isOwn && rights.may('withdraw') && (
          <ActionButton
            action="withdraw"
            label={t.withdraw}
            isDisabled={isBusy}
            onClick={() => void run('withdraw')}
          />
        )}
        {isOpen && rights.may('decide') && (
          <>
            <ActionButton
              action="accept"
              label={t.accept}
              isDisabled={isBusy}
              onClick={() => void run('accept')}
            />
            <ActionButton
              action="reject"
              label={t.reject}
              isDisabled={isBusy}
              onClick={() => void run('reject')}
            />
          </>
        )}
        {isDecided && rights.may('decide') && (
          <button
            type="button"
            className="proposal-action proposal-revert"
            data-testid="proposal-revert"
            disabled={isBusy || revertRefusal !== null}
            title={revertRefusal ?? undefined}
            aria-describedby={revertRefusal ? revertHintId : undefined}
            onClick={() => void run('revert')}
          >
            {t.revertDecision}
          </button>
        )}
      </div>
      {isDecided && rights.may('decide') && revertRefusal && (
        <p className="proposal-revert-hint" id={revertHintId} data-testid="proposal-revert-hint">
          {revertRefusal}
        </p>
      )}
      {form && (
        <ProposalTextForm
          testId="proposal-form"
          text={text}
          onText={setText}
          placeholder={form === 'rationale' ? t.rationalePlaceholder : t.commentPlaceholder}
          rows={3}
          isBusy={isBusy}
          onSubmit={handleSubmit}
          onCancel={() => setForm(null)}
        />
      )}
      {error && (
        <p className="proposal-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}, isSameItem)

/** One of an item's actions; accept and reject are coloured as what they decide. */
function ActionButton(props: {
  action: 'support' | 'unsupport' | 'comment' | 'explain' | 'withdraw' | 'accept' | 'reject'
  label: string
  isDisabled: boolean
  onClick: () => void
}) {
  const { action } = props
  const tone = action === 'accept' || action === 'reject' ? ` proposal-${action}` : ''
  return (
    <button
      type="button"
      className={`proposal-action${tone}`}
      data-testid={`proposal-${action}`}
      disabled={props.isDisabled}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  )
}
