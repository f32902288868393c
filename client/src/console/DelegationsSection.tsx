import { useState, type FormEvent } from 'react'
import type { Delegation } from '../../../shared/api.ts'
import { CreateDelegationRequest, DelegationCode } from '../../../shared/accountsApi.ts'
import { saveDelegation } from '../api/admin.ts'
import { useSubmission, wordFailure } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { SubmissionLine } from '../feedback/SubmissionLine.tsx'

interface DelegationsSectionProps {
  delegations: Delegation[] | null
  onSaved: () => void
}

/** The delegations known to Draftroom (Member States by ISO code), and a form to add one. */
export function DelegationsSection({ delegations, onSaved }: DelegationsSectionProps) {
  const { t } = useI18n()
  const saved = useSubmission()
  const [form, setForm] = useState({ code: '', nameFr: '', nameEn: '' })
  const delegation = CreateDelegationRequest.safeParse(form)

  const handleSave = async (event: FormEvent) => {
    event.preventDefault()
    if (!delegation.success) return
    const isDone = await saved.submit(async () => {
      await saveDelegation(delegation.data)
      onSaved()
      return t.delegationSaved(delegation.data.code)
    }, wordFailure(t.actionFailed))
    if (isDone) setForm({ code: '', nameFr: '', nameEn: '' })
  }

  return (
    <section className="console-card" aria-labelledby="console-delegations">
      <h2 id="console-delegations">{t.consoleDelegations}</h2>
      {delegations === null ? (
        <p className="console-note">{t.loadingList}</p>
      ) : (
        <ul className="console-chips" data-testid="delegation-list">
          {delegations.map((d) => (
            <li key={d.code} title={`${d.nameFr} / ${d.nameEn}`}>
              <strong>{d.code}</strong> {d.nameFr}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.newDelegation}</h3>
      <form className="console-form" onSubmit={(event) => void handleSave(event)}>
        <label className="field">
          <span>{t.delegationCode}</span>
          <input
            data-testid="delegation-code"
            value={form.code}
            maxLength={3}
            size={6}
            spellCheck={false}
            aria-invalid={form.code !== '' && !DelegationCode.safeParse(form.code).success}
            onChange={(event) => setForm({ ...form, code: event.target.value.toUpperCase() })}
          />
          <small className="field-hint">{t.delegationCodeHint}</small>
        </label>
        <label className="field field-grow">
          <span>{t.delegationNameFr}</span>
          <input
            data-testid="delegation-name-fr"
            value={form.nameFr}
            maxLength={120}
            lang="fr"
            onChange={(event) => setForm({ ...form, nameFr: event.target.value })}
          />
        </label>
        <label className="field field-grow">
          <span>{t.delegationNameEn}</span>
          <input
            data-testid="delegation-name-en"
            value={form.nameEn}
            maxLength={120}
            lang="en"
            onChange={(event) => setForm({ ...form, nameEn: event.target.value })}
          />
        </label>
        <button
          type="submit"
          className="button button-primary"
          data-testid="delegation-save"
          disabled={!delegation.success || saved.isBusy}
        >
          {t.saveDelegation}
        </button>
      </form>
      <SubmissionLine submission={saved.submission} testId="delegation-feedback" />
    </section>
  )
}
