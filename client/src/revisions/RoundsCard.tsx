import { useState, type FormEvent } from 'react'
import { ROUND_KINDS, type Round, type RoundKind, type RoundList } from '../../../shared/rounds.ts'
import { useSubmission, wordFailure } from '../api/useSubmission.ts'
import { SubmissionLine } from '../feedback/SubmissionLine.tsx'
import { useRevisionMessages } from './useRevisionMessages.ts'
import { createRound, updateRound } from '../api/rounds.ts'

interface RoundsCardProps {
  negotiationId: string
  rounds: RoundList | null
  /** Co-facilitators open and rename rounds; others only read them. */
  maySchedule: boolean
  onChanged: () => void
}

/** The negotiation's rounds with their dates; for co-facilitators, opening and renaming one. */
export function RoundsCard({ negotiationId, rounds, maySchedule, onChanged }: RoundsCardProps) {
  const t = useRevisionMessages()
  return (
    <section className="revisions-card" aria-labelledby="rounds-heading" data-testid="rounds">
      <h2 id="rounds-heading">{t.roundsTitle}</h2>
      {rounds && rounds.rounds.length === 0 && <p className="revisions-note">{t.roundsNone}</p>}
      {rounds && rounds.rounds.length > 0 && (
        <ul className="rounds-list">
          {rounds.rounds.map((round) => (
            <RoundItem
              key={round.id}
              negotiationId={negotiationId}
              round={round}
              isCurrent={round.id === rounds.currentRoundId}
              maySchedule={maySchedule}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      {maySchedule && <NewRoundForm negotiationId={negotiationId} onCreated={onChanged} />}
    </section>
  )
}

function RoundItem(props: {
  negotiationId: string
  round: Round
  isCurrent: boolean
  maySchedule: boolean
  onChanged: () => void
}) {
  const t = useRevisionMessages()
  const { round } = props
  const [name, setName] = useState<string | null>(null)
  const { submission, submit } = useSubmission()
  const handleRename = (event: FormEvent) => {
    event.preventDefault()
    void submit(async () => {
      await updateRound(props.negotiationId, round.id, { name: (name ?? '').trim() })
      setName(null)
      props.onChanged()
      return t.roundSaved
    }, wordFailure(t.revisionActionFailed))
  }
  return (
    <li className="round" data-testid="round" data-current={props.isCurrent ? 'true' : undefined}>
      {name === null ? (
        <span className="round-name">{round.name}</span>
      ) : (
        <form className="round-rename" onSubmit={handleRename}>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-label={t.roundName}
            required
            maxLength={120}
            data-testid="round-rename-input"
          />
          <button type="submit" className="button button-small button-primary">
            {t.roundSave}
          </button>
        </form>
      )}
      <span className="round-meta">
        {round.name === t.roundKinds[round.kind] ? '' : `${t.roundKinds[round.kind]} · `}
        {t.roundDates(round.startsOn, round.endsOn)}
      </span>
      {props.isCurrent && <span className="compare-badge is-new">{t.roundCurrent}</span>}
      {props.maySchedule && name === null && (
        <button
          type="button"
          className="button button-small"
          onClick={() => setName(round.name)}
          data-testid="round-rename"
        >
          {t.roundRename}
        </button>
      )}
      <SubmissionLine submission={submission} testId="round-feedback" />
    </li>
  )
}

function NewRoundForm({
  negotiationId,
  onCreated,
}: {
  negotiationId: string
  onCreated: () => void
}) {
  const t = useRevisionMessages()
  const [kind, setKind] = useState<RoundKind>('firstReading')
  const [name, setName] = useState('')
  const [startsOn, setStartsOn] = useState('')
  const [endsOn, setEndsOn] = useState('')
  const { submission, submit } = useSubmission()

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault()
    void submit(async () => {
      const round = await createRound(negotiationId, {
        kind,
        name: name.trim() || t.roundKinds[kind],
        startsOn,
        endsOn: endsOn || null,
      })
      setName('')
      onCreated()
      return t.roundCreated(round.name)
    }, wordFailure(t.revisionActionFailed))
  }

  return (
    <form className="rounds-form" onSubmit={handleSubmit} data-testid="round-form">
      <label className="field">
        {t.roundKind}
        <select
          value={kind}
          onChange={(event) => setKind(event.target.value as RoundKind)}
          data-testid="round-kind"
        >
          {ROUND_KINDS.map((value) => (
            <option key={value} value={value}>
              {t.roundKinds[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="field rounds-name-field">
        {t.roundName}
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={t.roundKinds[kind]}
          maxLength={120}
          data-testid="round-name"
        />
      </label>
      <label className="field">
        {t.roundStartsOn}
        <input
          type="date"
          value={startsOn}
          onChange={(event) => setStartsOn(event.target.value)}
          required
          data-testid="round-starts"
        />
      </label>
      <label className="field">
        {t.roundEndsOn}
        <input
          type="date"
          value={endsOn}
          min={startsOn || undefined}
          onChange={(event) => setEndsOn(event.target.value)}
          data-testid="round-ends"
        />
      </label>
      <div className="revisions-form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={submission.status === 'pending'}
          data-testid="round-submit"
        >
          {t.roundCreate}
        </button>
        <SubmissionLine submission={submission} testId="round-form-feedback" />
      </div>
    </form>
  )
}
