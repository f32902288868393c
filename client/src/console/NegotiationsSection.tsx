import { useState, type FormEvent } from 'react'
import type { Delegation, NegotiationSummary } from '../../../shared/api.ts'
import { AddDelegationRequest, CreateNegotiationRequest } from '../../../shared/accountsApi.ts'
import { createNegotiation, seatDelegation } from '../api/admin.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useAccountMessages } from '../account/useAccountMessages.ts'
import { useSubmission } from '../api/useSubmission.ts'
import { SubmissionLine } from '../feedback/SubmissionLine.tsx'
import { refusalIn } from '../forms/refusalText.ts'
import { delegationNameIn } from '../i18n/delegationName.ts'
import { Field } from '../forms/Field.tsx'
import { fieldErrorsOf } from '../forms/fieldErrors.ts'
import { useFieldCheck } from '../forms/useFieldCheck.ts'
import { useFormMessages } from '../forms/useFormMessages.ts'

interface NegotiationsSectionProps {
  negotiations: NegotiationSummary[] | null
  delegations: Delegation[] | null
  onCreated: () => void
}

/** The negotiations: create one, and seat delegations (or co-facilitators) in it. */
export function NegotiationsSection({
  negotiations,
  delegations,
  onCreated,
}: NegotiationsSectionProps) {
  const t = useAccountMessages()
  const { t: common, language } = useI18n()
  const created = useSubmission()
  const seated = useSubmission()
  const [form, setForm] = useState({ id: '', title: '', language: 'fr' as 'fr' | 'en' })
  const [seat, setSeat] = useState({
    negotiationId: '',
    code: '',
    standing: 'delegation' as 'delegation' | 'coFacilitator',
  })
  const newNegotiation = CreateNegotiationRequest.safeParse(form)
  const newSeat = AddDelegationRequest.safeParse({ code: seat.code, standing: seat.standing })
  const seatNegotiation = seat.negotiationId || negotiations?.[0]?.id || ''
  const f = useFormMessages()
  const creation = useFieldCheck(
    fieldErrorsOf(form, newNegotiation.error?.issues ?? [], f, { id: f.badNegotiationId }),
  )
  const seating = useFieldCheck(fieldErrorsOf({ code: seat.code }, newSeat.error?.issues ?? [], f))

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault()
    if (created.isBusy || !creation.isSendable() || !newNegotiation.success) return
    const { id } = newNegotiation.data
    const isDone = await created.submit(
      async () => {
        await createNegotiation(newNegotiation.data)
        onCreated()
        return t.negotiationCreated(id)
      },
      refusalIn(f, (error) => (error.status === 409 ? t.negotiationExists(id) : null)),
    )
    if (isDone) {
      setForm({ id: '', title: '', language: form.language })
      creation.reset()
      setSeat((current) => ({ ...current, negotiationId: id }))
    }
  }

  const handleSeat = async (event: FormEvent) => {
    event.preventDefault()
    if (seated.isBusy || !seating.isSendable() || !newSeat.success || !seatNegotiation) return
    await seated.submit(async () => {
      await seatDelegation(seatNegotiation, newSeat.data)
      return t.delegationSeated(newSeat.data.code, seatNegotiation)
    }, refusalIn(f))
  }

  return (
    <section className="console-card" aria-labelledby="console-negotiations">
      <h2 id="console-negotiations">{t.consoleNegotiations}</h2>
      {negotiations === null ? (
        <p className="console-note">{common.loadingList}</p>
      ) : (
        <ul className="console-list" data-testid="negotiation-list">
          {negotiations.map((negotiation) => (
            <li key={negotiation.id}>
              <a href={`/negotiations/${encodeURIComponent(negotiation.id)}`}>
                {negotiation.title}
              </a>
              <code>{negotiation.id}</code>
              <span className="console-tag">{negotiation.language.toUpperCase()}</span>
            </li>
          ))}
        </ul>
      )}

      <h3>{t.newNegotiation}</h3>
      <form
        ref={creation.formRef}
        className="console-form"
        noValidate
        onSubmit={(event) => void handleCreate(event)}
      >
        <Field
          label={t.negotiationId}
          hint={t.negotiationIdHint}
          error={creation.shown('id')}
          isRequired
        >
          {(control) => (
            <input
              {...control}
              data-testid="negotiation-id"
              value={form.id}
              maxLength={63}
              spellCheck={false}
              onBlur={() => creation.handleBlur('id')}
              onChange={(event) => setForm({ ...form, id: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t.negotiationTitle}
          error={creation.shown('title')}
          isRequired
          className="field-grow"
        >
          {(control) => (
            <input
              {...control}
              data-testid="negotiation-title"
              value={form.title}
              maxLength={120}
              onBlur={() => creation.handleBlur('title')}
              onChange={(event) => setForm({ ...form, title: event.target.value })}
            />
          )}
        </Field>
        <Field label={t.textLanguage}>
          {(control) => (
            <select
              {...control}
              data-testid="negotiation-language"
              value={form.language}
              onChange={(event) =>
                setForm({ ...form, language: event.target.value === 'en' ? 'en' : 'fr' })
              }
            >
              <option value="fr">{t.languageNames.fr}</option>
              <option value="en">{t.languageNames.en}</option>
            </select>
          )}
        </Field>
        <button
          type="submit"
          className="button button-primary"
          data-testid="negotiation-create"
          aria-disabled={created.isBusy}
        >
          {t.create}
        </button>
      </form>
      <SubmissionLine submission={created.submission} testId="negotiation-feedback" />

      <h3>{t.seatTitle}</h3>
      <form
        ref={seating.formRef}
        className="console-form"
        noValidate
        onSubmit={(event) => void handleSeat(event)}
      >
        <Field label={t.negotiation}>
          {(control) => (
            <select
              {...control}
              data-testid="seat-negotiation"
              value={seatNegotiation}
              onChange={(event) => setSeat({ ...seat, negotiationId: event.target.value })}
            >
              {negotiations?.map((negotiation) => (
                <option key={negotiation.id} value={negotiation.id}>
                  {negotiation.id}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.delegation} error={seating.shown('code')} isRequired className="field-grow">
          {(control) => (
            <select
              {...control}
              data-testid="seat-delegation"
              value={seat.code}
              onBlur={() => seating.handleBlur('code')}
              onChange={(event) => setSeat({ ...seat, code: event.target.value })}
            >
              <option value="" disabled>
                —
              </option>
              {delegations?.map((delegation) => (
                <option key={delegation.code} value={delegation.code}>
                  {delegation.code} — {delegationNameIn(delegation, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.standing}>
          {(control) => (
            <select
              {...control}
              data-testid="seat-standing"
              value={seat.standing}
              onChange={(event) =>
                setSeat({
                  ...seat,
                  standing: event.target.value === 'coFacilitator' ? 'coFacilitator' : 'delegation',
                })
              }
            >
              <option value="delegation">{t.standings.delegation}</option>
              <option value="coFacilitator">{t.standings.coFacilitator}</option>
            </select>
          )}
        </Field>
        <button
          type="submit"
          className="button button-primary"
          data-testid="seat-submit"
          aria-disabled={!seatNegotiation || seated.isBusy}
        >
          {t.seat}
        </button>
      </form>
      <SubmissionLine submission={seated.submission} testId="seat-feedback" />
    </section>
  )
}
