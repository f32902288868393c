import { useRef, useState, type FormEvent } from 'react'
import { useRevisionMessages } from './useRevisionMessages.ts'
import { ImportFailure, importRevision, type ImportProblem } from '../api/revisions.ts'
import { SubmissionLine } from '../feedback/SubmissionLine.tsx'
import { RevisionNameFields } from './RevisionNameFields.tsx'
import { useSubmission } from '../api/useSubmission.ts'

/** As the server's limit (server/revisions/import/limits.ts): checked here to fail at once. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024

interface ImportRevisionFormProps {
  negotiationId: string
  onImported: () => void
}

/** Imports a revision from a .docx or UN-style plain text file (co-facilitators). */
export function ImportRevisionForm({ negotiationId, onImported }: ImportRevisionFormProps) {
  const t = useRevisionMessages()
  const [file, setFile] = useState<File | null>(null)
  const [symbol, setSymbol] = useState('')
  const [title, setTitle] = useState('')
  const [problems, setProblems] = useState<readonly ImportProblem[]>([])
  const fileInput = useRef<HTMLInputElement>(null)
  const { submission, submit } = useSubmission()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) return
    const request = { symbol: symbol.trim(), title: title.trim() }
    setProblems([])
    void submit(
      async () => {
        if (file.size > MAX_IMPORT_BYTES) throw new ImportFailure(413, 'too_large', '', [])
        try {
          const revision = await importRevision(negotiationId, file, request)
          setFile(null)
          setSymbol('')
          setTitle('')
          if (fileInput.current) fileInput.current.value = ''
          onImported()
          return t.imported(revision.symbol)
        } catch (error) {
          if (error instanceof ImportFailure) setProblems(error.problems)
          throw error
        }
      },
      (error) => {
        if (error instanceof ImportFailure) {
          if (error.status === 413) return t.importTooLarge
          if (error.status === 409) return t.symbolTaken(request.symbol)
          if (error.code === 'import_failed' && error.problems.length > 0) return t.importProblems
        }
        return t.revisionActionFailed(error instanceof Error ? error.message : String(error))
      },
    )
  }

  return (
    <form className="revisions-card" onSubmit={handleSubmit} aria-labelledby="import-heading">
      <h2 id="import-heading">{t.importTitle}</h2>
      <p className="revisions-note">{t.importIntro}</p>
      <label className="field">
        {t.importFile}
        <input
          ref={fileInput}
          type="file"
          accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          required
          data-testid="import-file"
        />
      </label>
      <RevisionNameFields
        form="import"
        symbol={symbol}
        title={title}
        onSymbolChange={setSymbol}
        onTitleChange={setTitle}
      />
      <div className="revisions-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={submission.status === 'pending' || !file}
          data-testid="import-submit"
        >
          {submission.status === 'pending' ? t.importing : t.importSubmit}
        </button>
        <SubmissionLine submission={submission} testId="import-feedback" />
      </div>
      {problems.length > 0 && (
        <ol className="import-problems" data-testid="import-problems">
          {problems.map((problem, index) => (
            <li key={index} data-line={problem.line}>
              {problem.line > 0 && (
                <span className="import-line">{t.importLine(problem.line)}</span>
              )}{' '}
              {problem.message}
            </li>
          ))}
        </ol>
      )}
    </form>
  )
}
