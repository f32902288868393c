import { useState, type FormEvent } from 'react'
import type { Delegation, NegotiationSummary } from '../../../shared/api.ts'
import { CreateUserRequest, type UserSummary } from '../../../shared/accountsApi.ts'
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../../shared/limits.ts'
import { createUser } from '../api/admin.ts'
import { useSubmission, wordFailure } from '../api/useSubmission.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { SubmissionLine } from '../feedback/SubmissionLine.tsx'
import { UserRow } from './UserRow.tsx'
import { delegationNameIn } from '../i18n/delegationName.ts'

interface UsersSectionProps {
  users: UserSummary[] | null
  negotiations: NegotiationSummary[] | null
  delegations: Delegation[] | null
  selfId: number
  onChanged: () => void
}

const EMPTY_USER = {
  username: '',
  displayName: '',
  password: '',
  delegation: '',
  isSecretariat: false,
}

/** Every account: create one, give it a role per negotiation, reset, (de)activate. */
export function UsersSection({
  users,
  negotiations,
  delegations,
  selfId,
  onChanged,
}: UsersSectionProps) {
  const { t, language } = useI18n()
  const created = useSubmission()
  const changed = useSubmission({ mayOverlap: true })
  const [form, setForm] = useState(EMPTY_USER)
  const [chosenNegotiation, setChosenNegotiation] = useState('')
  const negotiationId = chosenNegotiation || negotiations?.[0]?.id || ''
  const newUser = CreateUserRequest.safeParse({ ...form, delegation: form.delegation || null })

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault()
    if (!newUser.success) return
    const { username } = newUser.data
    const isDone = await created.submit(
      async () => {
        await createUser(newUser.data)
        onChanged()
        return t.userCreated(username)
      },
      wordFailure(t.actionFailed, (error) =>
        error.status === 409 ? t.usernameTaken(username) : null,
      ),
    )
    if (isDone) setForm(EMPTY_USER)
  }

  return (
    <section className="console-card" aria-labelledby="console-users">
      <h2 id="console-users">{t.consoleUsers}</h2>
      <h3>{t.newUser}</h3>
      <form className="console-form" onSubmit={(event) => void handleCreate(event)}>
        <label className="field">
          <span>{t.username}</span>
          <input
            data-testid="user-username"
            value={form.username}
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={form.username !== '' && !USERNAME_PATTERN.test(form.username)}
            onChange={(event) => setForm({ ...form, username: event.target.value })}
          />
          <small className="field-hint">{t.usernameHint}</small>
        </label>
        <label className="field field-grow">
          <span>{t.displayName}</span>
          <input
            data-testid="user-display-name"
            value={form.displayName}
            maxLength={120}
            onChange={(event) => setForm({ ...form, displayName: event.target.value })}
          />
        </label>
        <label className="field">
          <span>{t.password}</span>
          <input
            data-testid="user-password"
            type="password"
            value={form.password}
            autoComplete="new-password"
            onChange={(event) => setForm({ ...form, password: event.target.value })}
          />
          <small className="field-hint">{t.passwordHint(MIN_PASSWORD_LENGTH)}</small>
        </label>
        <label className="field">
          <span>{t.delegation}</span>
          <select
            data-testid="user-delegation"
            value={form.delegation}
            onChange={(event) => setForm({ ...form, delegation: event.target.value })}
          >
            <option value="">{t.noDelegation}</option>
            {delegations?.map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} — {delegationNameIn(d, language)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-check">
          <input
            type="checkbox"
            data-testid="user-secretariat"
            checked={form.isSecretariat}
            onChange={(event) => setForm({ ...form, isSecretariat: event.target.checked })}
          />
          <span>{t.isSecretariat}</span>
        </label>
        <button
          type="submit"
          className="button button-primary"
          data-testid="user-create"
          disabled={!newUser.success || created.isBusy}
        >
          {t.createUser}
        </button>
      </form>
      <SubmissionLine submission={created.submission} testId="user-create-feedback" />

      <div className="console-table-head">
        <label className="field field-inline">
          <span>{t.negotiation}</span>
          <select
            data-testid="roles-negotiation"
            value={negotiationId}
            onChange={(event) => setChosenNegotiation(event.target.value)}
          >
            {negotiations?.map((negotiation) => (
              <option key={negotiation.id} value={negotiation.id}>
                {negotiation.id}
              </option>
            ))}
          </select>
        </label>
        <SubmissionLine submission={changed.submission} testId="users-feedback" />
      </div>
      {users === null ? (
        <p className="console-note">{t.loadingList}</p>
      ) : (
        <table className="console-table" data-testid="user-table">
          <thead>
            <tr>
              <th scope="col">{t.userColumn}</th>
              <th scope="col">{t.delegation}</th>
              <th scope="col">{t.statusColumn}</th>
              <th scope="col">{t.roleIn(negotiationId)}</th>
              <th scope="col">{t.actionsColumn}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                negotiationId={negotiationId}
                isSelf={user.id === selfId}
                run={(action) => changed.submit(action, wordFailure(t.actionFailed))}
                onChanged={onChanged}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
