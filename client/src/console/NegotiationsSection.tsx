import { useState, type FormEvent } from 'react'
import type { Delegation, NegotiationSummary } from '../../../shared/api.ts'
import { AddDelegationRequest, CreateNegotiationRequest } from '../../../shared/accountsApi.ts'
import { createNegotiation, seatDelegation } from '../api/admin.ts'
import { useSubmission, wordFailure } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { SubmissionLine } from '../feedback/SubmissionLine.tsx'
import { delegationNameIn } from '../i18n/delegationName.ts'

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
  const { t, language } = useI18n()
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

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault()
    if (!newNegotiation.success) return
    const { id } = newNegotiation.data
    const isDone = await created.submit(
      async () => {
        await createNegotiation(newNegotiation.data)
        onCreated()
        return t.negotiationCreated(id)
      },
      wordFailure(t.actionFailed, (error) =>
        error.status === 409 ? t.negotiationExists(id) : null,
      ),
    )
    if (isDone) {
      setForm({ id: '', title: '', language: form.language })
      setSeat((current) => ({ ...current, negotiationId: id }))
    }
  }

  const handleSeat = async (event: FormEvent) => {
    event.preventDefault()
    if (!newSeat.success || !seatNegotiation) return
    await seated.submit(async () => {
      await seatDelegation(seatNegotiation, newSeat.data)
      return t.delegationSeated(newSeat.data.code, seatNegotiation)
    }, wordFailure(t.actionFailed))
  }

  return (
    <section className="console-card" aria-labelledby="console-negotiations">
      <h2 id="console-negotiations">{t.consoleNegotiations}</h2>
      {negotiations === null ? (
        <p className="console-note">{t.loadingList}</p>
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
      <form className="console-form" onSubmit={(event) => void handleCreate(event)}>
        <label className="field">
          <span>{t.negotiationId}</span>
          <input
            data-testid="negotiation-id"
            value={form.id}
            maxLength={63}
            spellCheck={false}
            aria-invalid={form.id !== '' && !newNegotiation.success}
            onChange={(event) => setForm({ ...form, id: event.target.value })}
          />
          <small className="field-hint">{t.negotiationIdHint}</small>
        </label>
        <label className="field field-grow">
          <span>{t.negotiationTitle}</span>
          <input
            data-testid="negotiation-title"
            value={form.title}
            maxLength={120}
            onChange={(event) => setForm({ ...form, title: event.target.value })}
          />
        </label>
        <label className="field">
          <span>{t.textLanguage}</span>
          <select
            data-testid="negotiation-language"
            value={form.language}
            onChange={(event) =>
              setForm({ ...form, language: event.target.value === 'en' ? 'en' : 'fr' })
            }
          >
            <option value="fr">{t.languageNames.fr}</option>
            <option value="en">{t.languageNames.en}</option>
          </select>
        </label>
        <button
          type="submit"
          className="button button-primary"
          data-testid="negotiation-create"
          disabled={!newNegotiation.success || created.isBusy}
        >
          {t.create}
        </button>
      </form>
      <SubmissionLine submission={created.submission} testId="negotiation-feedback" />

      <h3>{t.seatTitle}</h3>
      <form className="console-form" onSubmit={(event) => void handleSeat(event)}>
        <label className="field">
          <span>{t.negotiation}</span>
          <select
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
        </label>
        <label className="field field-grow">
          <span>{t.delegation}</span>
          <select
            data-testid="seat-delegation"
            value={seat.code}
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
        </label>
        <label className="field">
          <span>{t.standing}</span>
          <select
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
        </label>
        <button
          type="submit"
          className="button button-primary"
          data-testid="seat-submit"
          disabled={!newSeat.success || !seatNegotiation || seated.isBusy}
        >
          {t.seat}
        </button>
      </form>
      <SubmissionLine submission={seated.submission} testId="seat-feedback" />
    </section>
  )
}
