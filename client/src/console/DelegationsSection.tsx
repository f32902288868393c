import { useState, type FormEvent } from 'react'
import type { Delegation } from '../../../shared/api.ts'
import { CreateDelegationRequest } from '../../../shared/accountsApi.ts'
import { saveDelegation } from '../api/admin.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useAccountMessages } from '../account/useAccountMessages.ts'
import { useSubmission } from '../api/useSubmission.ts'
import { SubmissionLine } from '../feedback/SubmissionLine.tsx'
import { refusalIn } from '../forms/refusalText.ts'
import { Field } from '../forms/Field.tsx'
import { fieldErrorsOf } from '../forms/fieldErrors.ts'
import { useFieldCheck } from '../forms/useFieldCheck.ts'
import { useFormMessages } from '../forms/useFormMessages.ts'

interface DelegationsSectionProps {
  delegations: Delegation[] | null
  onSaved: () => void
}

/** The delegations known to Draftroom (Member States by ISO code), and a form to add one. */
export function DelegationsSection({ delegations, onSaved }: DelegationsSectionProps) {
  const t = useAccountMessages()
  const { t: common } = useI18n()
  const saved = useSubmission()
  const [form, setForm] = useState({ code: '', nameFr: '', nameEn: '' })
  const delegation = CreateDelegationRequest.safeParse(form)
  const f = useFormMessages()
  const check = useFieldCheck(
    fieldErrorsOf(form, delegation.error?.issues ?? [], f, { code: f.badDelegationCode }),
  )

  const handleSave = async (event: FormEvent) => {
    event.preventDefault()
    if (saved.isBusy || !check.isSendable() || !delegation.success) return
    const isDone = await saved.submit(async () => {
      await saveDelegation(delegation.data)
      onSaved()
      return t.delegationSaved(delegation.data.code)
    }, refusalIn(f))
    if (isDone) {
      setForm({ code: '', nameFr: '', nameEn: '' })
      check.reset()
    }
  }

  return (
    <section className="console-card" aria-labelledby="console-delegations">
      <h2 id="console-delegations">{t.consoleDelegations}</h2>
      {delegations === null ? (
        <p className="console-note">{common.loadingList}</p>
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
      <form
        ref={check.formRef}
        className="console-form"
        noValidate
        onSubmit={(event) => void handleSave(event)}
      >
        <Field
          label={t.delegationCode}
          hint={t.delegationCodeHint}
          error={check.shown('code')}
          isRequired
        >
          {(control) => (
            <input
              {...control}
              data-testid="delegation-code"
              value={form.code}
              maxLength={3}
              size={6}
              spellCheck={false}
              onBlur={() => check.handleBlur('code')}
              onChange={(event) => setForm({ ...form, code: event.target.value.toUpperCase() })}
            />
          )}
        </Field>
        <Field
          label={t.delegationNameFr}
          error={check.shown('nameFr')}
          isRequired
          className="field-grow"
        >
          {(control) => (
            <input
              {...control}
              data-testid="delegation-name-fr"
              value={form.nameFr}
              maxLength={120}
              lang="fr"
              onBlur={() => check.handleBlur('nameFr')}
              onChange={(event) => setForm({ ...form, nameFr: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t.delegationNameEn}
          error={check.shown('nameEn')}
          isRequired
          className="field-grow"
        >
          {(control) => (
            <input
              {...control}
              data-testid="delegation-name-en"
              value={form.nameEn}
              maxLength={120}
              lang="en"
              onBlur={() => check.handleBlur('nameEn')}
              onChange={(event) => setForm({ ...form, nameEn: event.target.value })}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button button-primary"
          data-testid="delegation-save"
          aria-disabled={saved.isBusy}
        >
          {t.saveDelegation}
        </button>
      </form>
      <SubmissionLine submission={saved.submission} testId="delegation-feedback" />
    </section>
  )
}
