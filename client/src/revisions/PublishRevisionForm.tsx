import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/fetchJson.ts'
import { useRevisionMessages } from './useRevisionMessages.ts'
import { nextSymbol } from './nextSymbol.ts'
import { publishRevision } from '../api/revisions.ts'
import { SubmissionLine } from '../feedback/SubmissionLine.tsx'
import { RevisionNameFields } from './RevisionNameFields.tsx'
import { useSubmission } from '../api/useSubmission.ts'

interface PublishRevisionFormProps {
  negotiationId: string
  /** The symbols already used, to suggest the next one. */
  symbols: readonly string[]
  onPublished: () => void
}

/** Publishes the live draft as a new revision (co-facilitators). */
export function PublishRevisionForm({
  negotiationId,
  symbols,
  onPublished,
}: PublishRevisionFormProps) {
  const t = useRevisionMessages()
  const [symbol, setSymbol] = useState('')
  const [title, setTitle] = useState('')
  const { submission, submit } = useSubmission()
  const suggestion = nextSymbol(symbols)

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    const request = { symbol: symbol.trim(), title: title.trim() }
    void submit(
      async () => {
        const revision = await publishRevision(negotiationId, request)
        setSymbol('')
        setTitle('')
        onPublished()
        return t.published(revision.symbol)
      },
      (error) =>
        error instanceof ApiError && error.status === 409
          ? t.symbolTaken(request.symbol)
          : t.revisionActionFailed(error instanceof Error ? error.message : String(error)),
    )
  }

  return (
    <form className="revisions-card" onSubmit={handleSubmit} aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t.publishTitle}</h2>
      <p className="revisions-note">{t.publishIntro}</p>
      <RevisionNameFields
        form="publish"
        symbol={symbol}
        title={title}
        onSymbolChange={setSymbol}
        onTitleChange={setTitle}
        symbolPlaceholder={suggestion}
        symbolHint={t.publishSymbolHint}
      />
      <div className="revisions-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={submission.status === 'pending'}
          data-testid="publish-submit"
        >
          {submission.status === 'pending' ? t.publishing : t.publishSubmit}
        </button>
        <SubmissionLine submission={submission} testId="publish-feedback" />
      </div>
    </form>
  )
}
