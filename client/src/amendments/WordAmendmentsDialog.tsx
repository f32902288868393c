import { useId, useRef, useState, type FormEvent } from 'react'
import type { Delegation } from '../../../shared/api.ts'
import { failureOf, useSubmission, wordFailure } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useAmendmentMessages } from './useAmendmentMessages.ts'
import { AmendmentPreview } from './AmendmentPreview.tsx'
import { sendAmendments, type AmendmentReport } from '../api/amendments.ts'
import './amendments.css'
import { delegationNameIn } from '../i18n/delegationName.ts'
import { useFocusTrap } from '../focus/useFocusTrap.ts'

interface WordAmendmentsDialogProps {
  negotiationId: string
  /** The delegations a Word author may be mapped to: all for a co-facilitator, else its own. */
  delegations: readonly Delegation[]
  onClose: () => void
}

/**
 * A delegation's Word document, edited with track changes, into proposals: pick the file, say
 * which delegation each Word author is when the server asks, look at the preview, then apply.
 */
export function WordAmendmentsDialog(props: WordAmendmentsDialogProps) {
  const t = useAmendmentMessages()
  const { t: common, language } = useI18n()
  const titleId = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  useFocusTrap(dialogRef, { isActive: true, onEscape: props.onClose })
  const [file, setFile] = useState<File | null>(null)
  const [authors, setAuthors] = useState<Record<string, string>>({})
  const [report, setReport] = useState<AmendmentReport | null>(null)
  const [applied, setApplied] = useState<AmendmentReport | null>(null)
  const { submission, isBusy: isWorking, submit } = useSubmission()
  const error = failureOf(submission)

  const run = async (step: 'preview' | 'apply') => {
    if (!file) return
    await submit(async () => {
      const answer = await sendAmendments({
        negotiationId: props.negotiationId,
        step,
        file,
        authors,
      })
      if (step === 'preview') setReport(answer)
      else setApplied(answer)
      return ''
    }, wordFailure(t.wordImportFailed))
  }
  const handlePreview = (event: FormEvent) => {
    event.preventDefault()
    setApplied(null)
    void run('preview')
  }
  const unmapped = report?.authors.filter((a) => a.reason === 'unmapped') ?? []
  const mayApply =
    report !== null &&
    !applied &&
    unmapped.every((a) => authors[a.author]) &&
    report.paragraphs.some((p) => p.changes.some((c) => c.status === 'create'))
  const name = (d: Delegation) => delegationNameIn(d, language)

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog dialog-wide word-import"
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="word-import-dialog"
      >
        <h2 id={titleId}>{t.wordImportTitle}</h2>
        <p className="dialog-intro">{t.wordImportIntro}</p>
        <form className="inline-form" onSubmit={handlePreview}>
          <label className="field">
            <span>{t.wordImportFile}</span>
            <input
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              data-testid="word-import-file"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null)
                setReport(null)
                setApplied(null)
                setAuthors({})
              }}
            />
          </label>
          <button
            type="submit"
            className="button"
            disabled={!file || isWorking}
            data-testid="word-import-preview"
          >
            {isWorking ? t.wordImportWorking : t.wordImportPreview}
          </button>
        </form>
        {report && unmapped.length > 0 && (
          <fieldset className="word-import-authors" data-testid="word-import-authors">
            <legend>{t.wordImportAuthors}</legend>
            <p className="dialog-intro">{t.wordImportAuthorHint}</p>
            {unmapped.map(({ author }) => (
              <label key={author} className="field">
                <span>{author}</span>
                <select
                  value={authors[author] ?? ''}
                  data-author={author}
                  onChange={(event) => {
                    setAuthors({ ...authors, [author]: event.target.value })
                  }}
                >
                  <option value="">{t.wordImportChooseDelegation}</option>
                  {props.delegations.map((d) => (
                    <option key={d.code} value={d.code}>
                      {name(d)} ({d.code})
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button
              type="button"
              className="button"
              disabled={isWorking || unmapped.some((a) => !authors[a.author])}
              onClick={() => void run('preview')}
            >
              {t.wordImportPreview}
            </button>
          </fieldset>
        )}
        {report && <AmendmentPreview report={applied ?? report} />}
        {error && (
          <p className="form-error" role="alert" data-testid="word-import-error">
            {error}
          </p>
        )}
        {applied && (
          <p role="status" className="word-import-done" data-testid="word-import-done">
            {t.wordImportDone(applied.created.length)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={props.onClose}>
            {common.close}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!mayApply || isWorking}
            onClick={() => void run('apply')}
            data-testid="word-import-apply"
          >
            {t.wordImportApply}
          </button>
        </div>
      </div>
    </div>
  )
}
