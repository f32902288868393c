import type { FormEvent } from 'react'
import { useProposalMessages } from './useProposalMessages.ts'

/**
 * The one small form of a proposal's card: a comment, a rationale or a reply to a thread. The
 * test ids name what it writes (`proposal-form`, `thread-reply`).
 */
export function ProposalTextForm(props: {
  testId: string
  text: string
  onText: (text: string) => void
  placeholder: string
  label?: string
  rows: number
  isBusy: boolean
  onSubmit: (event: FormEvent) => void
  onCancel: () => void
}) {
  const t = useProposalMessages()
  return (
    <form className="proposal-form" onSubmit={props.onSubmit}>
      <textarea
        data-testid={`${props.testId}-text`}
        aria-label={props.label}
        value={props.text}
        maxLength={4_000}
        rows={props.rows}
        autoFocus
        placeholder={props.placeholder}
        onChange={(event) => props.onText(event.target.value)}
      />
      <div className="proposal-form-actions">
        <button type="button" className="proposal-action" onClick={props.onCancel}>
          {t.cancel}
        </button>
        <button
          type="submit"
          className="proposal-action proposal-accept"
          data-testid={`${props.testId}-send`}
          disabled={props.isBusy || !props.text.trim()}
        >
          {t.send}
        </button>
      </div>
    </form>
  )
}
