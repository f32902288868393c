import { useState, type FormEvent } from 'react'
import type { Delegation, NegotiationSummary } from '../../../shared/api.ts'
import { CreateUserRequest, type UserSummary } from '../../../shared/accountsApi.ts'
import { MIN_PASSWORD_LENGTH } from '../../../shared/limits.ts'
import { createUser } from '../api/admin.ts'
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
import { UserRow } from './UserRow.tsx'

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
  const t = useAccountMessages()
  const { t: common, language } = useI18n()
  const created = useSubmission()
  const changed = useSubmission({ mayOverlap: true })
  const [form, setForm] = useState(EMPTY_USER)
  const [chosenNegotiation, setChosenNegotiation] = useState('')
  const negotiationId = chosenNegotiation || negotiations?.[0]?.id || ''
  const newUser = CreateUserRequest.safeParse({ ...form, delegation: form.delegation || null })
  const f = useFormMessages()
  const check = useFieldCheck(
    fieldErrorsOf(form, newUser.error?.issues ?? [], f, { username: f.badUsername }),
  )

  const handleCreate = async (event: FormEvent) => {
    event.preventDefault()
    if (created.isBusy || !check.isSendable() || !newUser.success) return
    const { username } = newUser.data
    const isDone = await created.submit(
      async () => {
        await createUser(newUser.data)
        onChanged()
        return t.userCreated(username)
      },
      refusalIn(f, (error) => (error.status === 409 ? t.usernameTaken(username) : null)),
    )
    if (isDone) {
      setForm(EMPTY_USER)
      check.reset()
    }
  }

  return (
    <section className="console-card" aria-labelledby="console-users">
      <h2 id="console-users">{t.consoleUsers}</h2>
      <h3>{t.newUser}</h3>
      <form
        ref={check.formRef}
        className="console-form"
        noValidate
        onSubmit={(event) => void handleCreate(event)}
      >
        <Field label={t.username} hint={t.usernameHint} error={check.shown('username')} isRequired>
          {(control) => (
            <input
              {...control}
              data-testid="user-username"
              value={form.username}
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              onBlur={() => check.handleBlur('username')}
              onChange={(event) => setForm({ ...form, username: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t.displayName}
          error={check.shown('displayName')}
          isRequired
          className="field-grow"
        >
          {(control) => (
            <input
              {...control}
              data-testid="user-display-name"
              value={form.displayName}
              maxLength={120}
              onBlur={() => check.handleBlur('displayName')}
              onChange={(event) => setForm({ ...form, displayName: event.target.value })}
            />
          )}
        </Field>
        <Field
          label={t.password}
          hint={t.passwordHint(MIN_PASSWORD_LENGTH)}
          error={check.shown('password')}
          isRequired
        >
          {(control) => (
            <input
              {...control}
              data-testid="user-password"
              type="password"
              value={form.password}
              autoComplete="new-password"
              onBlur={() => check.handleBlur('password')}
              onChange={(event) => setForm({ ...form, password: event.target.value })}
            />
          )}
        </Field>
        <Field label={t.delegation}>
          {(control) => (
            <select
              {...control}
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
          )}
        </Field>
        <label className="field-check">
          <input
            type="checkbox"
            data-testid="user-secretariat"
            checked={form.isSecretariat}
            onChange={(event) => setForm({ ...form, isSecretariat: event.target.checked })}
          />
          <span>{t.isSecretariat}</span>
        </label>
        {/* aria-disabled while sending: a disabled button would drop the focus to <body>. */}
        <button
          type="submit"
          className="button button-primary"
          data-testid="user-create"
          aria-disabled={created.isBusy}
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
        <p className="console-note">{common.loadingList}</p>
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
                run={(action) => changed.submit(action, refusalIn(f))}
                onChanged={onChanged}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
