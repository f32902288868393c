import { useState, type FormEvent } from 'react'
import type { ProposalComment, ProposalRecord } from '../../../shared/draft/index.ts'
import { failureOf, useSubmission, wordFailure } from '../api/useSubmission.ts'
import { formatDateTime } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useDelegationName } from './delegationNames.ts'
import { actOnProposal } from '../api/proposals.ts'
import { ProposalTextForm } from './ProposalTextForm.tsx'
import type { ProposalRights } from './proposer.ts'
import { useProposalMessages } from './useProposalMessages.ts'

interface Thread {
  first: ProposalComment
  replies: ProposalComment[]
}

function threadsOf(comments: readonly ProposalComment[]): Thread[] {
  const threads = new Map<string, Thread>()
  for (const comment of comments) {
    if (comment.replyTo === null) threads.set(comment.id, { first: comment, replies: [] })
  }
  for (const comment of comments) {
    if (comment.replyTo !== null) threads.get(comment.replyTo)?.replies.push(comment)
  }
  return [...threads.values()]
}

/**
 * A proposal's comments as threads: each with its replies, author, delegation and time; a
 * thread can be answered, resolved and reopened (by the co-facilitators, its author or the
 * proposing delegation, as the server allows). They stay after the decision: its history.
 */
export function CommentThreads(props: {
  record: ProposalRecord
  rights: ProposalRights
  negotiationId: string
}) {
  const { record, rights, negotiationId } = props
  const t = useProposalMessages()
  const { language } = useI18n()
  const delegationName = useDelegationName()
  const [replyingTo, setReplyingTo] = useState<string | null>(null)
  const [text, setText] = useState('')
  const { submission, submit } = useSubmission()
  const isBusy = submission.status === 'pending'
  const error = failureOf(submission)
  const threads = threadsOf(record.comments)
  if (threads.length === 0) return null

  const run = (action: 'comment' | 'resolve' | 'reopen', commentId: string, body = {}) =>
    submit(async () => {
      await actOnProposal(negotiationId, record.id, action, { commentId, ...body })
      setReplyingTo(null)
      setText('')
      return ''
    }, wordFailure(t.actionFailed))
  const handleReply = (event: FormEvent, commentId: string) => {
    event.preventDefault()
    if (text.trim()) void run('comment', commentId, { text: text.trim() })
  }
  const mayClose = (first: ProposalComment) =>
    rights.may('comment') &&
    (rights.may('decide') ||
      first.authorUserId === rights.userId ||
      record.delegation === rights.proposer)

  const byLine = (comment: ProposalComment) => (
    <span className="proposal-comment-author">
      {comment.authorName}
      {comment.delegation ? ` (${delegationName(comment.delegation)})` : ''} ·{' '}
      <time dateTime={comment.at}>{formatDateTime(comment.at, language)}</time>
    </span>
  )

  return (
    <ul className="proposal-comments" aria-label={t.comments(record.comments.length)}>
      {threads.map(({ first, replies }) => (
        <li
          key={first.id}
          className={`proposal-thread${first.resolved ? ' is-resolved' : ''}`}
          data-testid="proposal-thread"
          data-resolved={first.resolved ? 'true' : 'false'}
        >
          <p className="proposal-comment" data-testid="proposal-comment-item">
            {byLine(first)} {first.text}
          </p>
          {replies.map((reply) => (
            <p
              key={reply.id}
              className="proposal-comment proposal-reply"
              data-testid="proposal-reply"
            >
              {byLine(reply)} {reply.text}
            </p>
          ))}
          {first.resolved && (
            <p className="proposal-thread-state">{t.threadResolved(first.resolved.by)}</p>
          )}
          <div className="proposal-thread-actions">
            {rights.may('comment') && !first.resolved && (
              <button
                type="button"
                className="link-button"
                data-testid="thread-reply"
                disabled={isBusy}
                onClick={() => {
                  setReplyingTo(first.id)
                  setText('')
                }}
              >
                {t.reply}
              </button>
            )}
            {mayClose(first) && (
              <button
                type="button"
                className="link-button"
                data-testid={first.resolved ? 'thread-reopen' : 'thread-resolve'}
                disabled={isBusy}
                onClick={() => void run(first.resolved ? 'reopen' : 'resolve', first.id)}
              >
                {first.resolved ? t.reopenThread : t.resolveThread}
              </button>
            )}
          </div>
          {replyingTo === first.id && (
            <ProposalTextForm
              testId="thread-reply"
              text={text}
              onText={setText}
              placeholder={t.replyPlaceholder}
              label={t.reply}
              rows={2}
              isBusy={isBusy}
              onSubmit={(event) => handleReply(event, first.id)}
              onCancel={() => setReplyingTo(null)}
            />
          )}
        </li>
      ))}
      {error && (
        <li className="proposal-error" role="alert">
          {error}
        </li>
      )}
    </ul>
  )
}
