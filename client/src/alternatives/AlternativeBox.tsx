import { alternativeLabel } from '../../../shared/alternatives.ts'
import { failureOf, useSubmission } from '../api/useSubmission.ts'
import { actOnProposal } from '../api/proposals.ts'
import type { ProposalRights } from '../proposals/proposer.ts'
import { useDelegationName } from '../proposals/delegationNames.ts'
import type { ProposalView } from '../proposals/useProposals.ts'
import { useAlternativeMessages } from './useAlternativeMessages.ts'

/**
 * One open alternative, under its paragraph as UN texts print it: "Alt 23." with the
 * delegation (code and name), the wording, and what the user may do: accept or reject
 * (co-facilitators), withdraw (the proposing delegation). Support and comments are in the
 * proposals panel, where the Alt is a proposal like the others.
 */
export function AlternativeBox(props: {
  view: ProposalView
  rights: ProposalRights
  negotiationId: string
}) {
  const t = useAlternativeMessages()
  const delegationName = useDelegationName()
  const { submission, submit } = useSubmission()
  const { record, change } = props.view
  const { rights } = props
  if (!record.alternative) return null
  const label = alternativeLabel(change?.blockLabel ?? null)
  const name = delegationName(record.delegation)
  const isBusy = submission.status === 'pending'
  const isOwn = rights.proposer === record.delegation
  const run = (action: AlternativeAction) =>
    void submit(
      async () => {
        await actOnProposal(props.negotiationId, record.id, action)
        return ''
      },
      (error) => (error instanceof Error ? error.message : String(error)),
    )
  const error = failureOf(submission)
  return (
    <section
      className="alt-box"
      aria-label={t.boxLabel(label, name)}
      data-testid="alternative"
      data-proposal-id={record.id}
      data-proposal-delegation={record.delegation}
    >
      <p className="alt-text">
        <span className="alt-label">{label}</span>{' '}
        <span data-testid="alternative-text">{record.alternative.text}</span>{' '}
        <span className="alt-delegation" title={name}>
          [{record.delegation}]
        </span>
      </p>
      <p className="alt-meta">
        {name}
        {record.rationale && (
          <>
            {' · '}
            <span className="alt-rationale">
              {t.rationaleLabel} {record.rationale}
            </span>
          </>
        )}
        {record.supporters.length > 0 && (
          <>
            {' · '}
            {t.supporters} {record.supporters.join(', ')}
          </>
        )}
      </p>
      <div className="alt-actions">
        {rights.may('decide') && (
          <>
            <ActionButton action="accept" label={t.accept} isBusy={isBusy} run={run} />
            <ActionButton action="reject" label={t.reject} isBusy={isBusy} run={run} />
          </>
        )}
        {isOwn && rights.may('withdraw') && (
          <ActionButton action="withdraw" label={t.withdraw} isBusy={isBusy} run={run} />
        )}
      </div>
      {error && (
        <p className="alt-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}

type AlternativeAction = 'accept' | 'reject' | 'withdraw'

/** One of the box's actions, styled as the proposals panel styles the same decision. */
function ActionButton(props: {
  action: AlternativeAction
  label: string
  isBusy: boolean
  run: (action: AlternativeAction) => void
}) {
  const style = { accept: ' proposal-accept', reject: ' proposal-reject', withdraw: '' }
  return (
    <button
      type="button"
      className={`proposal-action${style[props.action]}`}
      data-testid={`alternative-${props.action}`}
      disabled={props.isBusy}
      onClick={() => props.run(props.action)}
    >
      {props.label}
    </button>
  )
}
