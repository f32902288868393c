import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import { focusedElement } from '../helpers/keyboardFocus.ts'

const NBSP = '\u00a0'

let server: TestServer | undefined
let session: BrowserSession | undefined
let page: Page

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-console-forms'))
  const started = session
  const url = server.url
  page = await session.step('sign in', async () => {
    const secretariat = await started.newDraftPage('secretariat')
    await secretariat.open(url)
    await secretariat.submitSignIn('secretariat', 'demo')
    await secretariat.page.getByTestId('console').waitFor()
    return secretariat.page
  })
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

/** What a screen reader says with the control: its label, and what aria-describedby points to. */
async function described(control: Locator): Promise<{ label: string; description: string }> {
  return control.evaluate((element) => {
    const input = element as HTMLInputElement
    const texts = (ids: string | null) =>
      (ids ?? '')
        .split(' ')
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' | ')
    return {
      label: [...(input.labels ?? [])].map((label) => label.textContent).join(' '),
      description: texts(input.getAttribute('aria-describedby')),
    }
  })
}

describe('the console’s new user form', () => {
  it('labels each field, says which are required, in words', async () => {
    const username = page.getByTestId('user-username')
    expect(await described(username)).toEqual({
      label: 'Nom d’utilisateur (obligatoire)',
      description: 'minuscules, chiffres, point, tiret',
    })
    expect((await described(page.getByTestId('user-password'))).label).toBe(
      'Mot de passe (obligatoire)',
    )
    // The delegation may be left out: no mark.
    expect((await described(page.getByTestId('user-delegation'))).label).toBe('Délégation')
    await expect(
      page.getByLabel('Nom d’utilisateur (obligatoire)').getAttribute('data-testid'),
    ).resolves.toBe('user-username')
  })

  it('says what is wrong in French under each field, not in browser bubbles', async () => {
    await page.getByTestId('user-create').click()
    // Focus goes to the first field to correct, which reads its error out.
    await expect.poll(async () => (await focusedElement(page)).testId).toBe('user-username')
    const username = page.getByTestId('user-username')
    expect((await described(username)).description).toBe(
      'Ce champ est obligatoire. | minuscules, chiffres, point, tiret',
    )
    await expect(username.getAttribute('aria-invalid')).resolves.toBe('true')
    expect((await described(page.getByTestId('user-display-name'))).description).toBe(
      'Ce champ est obligatoire.',
    )
    // No native validation: the browser would speak its own language.
    const native = await page
      .locator('.console-form input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).validationMessage))
    expect(native.every((message) => message === '')).toBe(true)

    await username.fill('Attaché Rome')
    await page.getByTestId('user-password').fill('short')
    await page.getByTestId('user-display-name').fill('Délégation de l’Italie')
    expect((await described(username)).description).toMatch(
      /^De 2 à 40 minuscules, chiffres, points, tirets ou traits bas/,
    )
    expect((await described(page.getByTestId('user-password'))).description).toBe(
      'Au moins 12 caractères. | au moins 12 caractères',
    )
    await expect(page.getByTestId('field-error').count()).resolves.toBe(2)
  })

  it('speaks English when the UI does', async () => {
    await page.getByTestId('language-switch').click()
    await expect
      .poll(async () => (await described(page.getByTestId('user-password'))).description)
      .toBe('At least 12 characters. | at least 12 characters')
    expect((await described(page.getByTestId('user-password'))).label).toBe('Password (required)')
    await page.getByTestId('language-switch').click()
  })

  it('creates the user once the fields are right, and clears their errors', async () => {
    await page.getByTestId('user-username').fill('ita-attache')
    await page.getByTestId('user-password').fill('roma-2018-marrakech')
    await page.getByTestId('user-create').click()
    await expect(page.getByTestId('user-create-feedback').textContent()).resolves.toBe(
      `Utilisateur «${NBSP}ita-attache${NBSP}» créé.`,
    )
    await expect(page.getByTestId('field-error').count()).resolves.toBe(0)
  })
})

describe('the server’s refusals', () => {
  it('shows a name already taken in the UI’s language', async () => {
    await page.getByTestId('user-username').fill('fra')
    await page.getByTestId('user-display-name').fill('Encore la France')
    await page.getByTestId('user-password').fill('paris-2018-marrakech')
    await page.getByTestId('user-create').click()
    await expect(page.getByTestId('user-create-feedback').textContent()).resolves.toBe(
      `Le nom d’utilisateur «${NBSP}fra${NBSP}» est déjà pris.`,
    )
  })

  it('words the other refusals in French, not in the server’s English', async () => {
    // The server, overloaded, answers in English for its logs and scripts.
    await page.route('**/api/users', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'Storage unavailable.' } }),
      }),
    )
    await page.getByTestId('user-username').fill('ita-second')
    await page.getByTestId('user-create').click()
    await expect(page.getByTestId('user-create-feedback').textContent()).resolves.toBe(
      'Le serveur ne répond pas. Réessayez dans un instant.',
    )
    await page.unroute('**/api/users')
  })

  it('says why a delegation or negotiation cannot be saved, field by field', async () => {
    await page.getByTestId('delegation-code').fill('IT')
    await page.getByTestId('delegation-save').click()
    expect((await described(page.getByTestId('delegation-code'))).description).toMatch(
      /^Trois lettres majuscules, le code ISO/,
    )
    expect((await described(page.getByTestId('delegation-name-fr'))).description).toBe(
      'Ce champ est obligatoire.',
    )
    await page.getByTestId('seat-submit').click()
    expect((await described(page.getByTestId('seat-delegation'))).description).toBe(
      'Ce champ est obligatoire.',
    )
    await page.getByTestId('negotiation-id').fill('Pacte Mondial')
    await page.getByTestId('console').getByTestId('negotiation-title').fill('Pacte')
    await page.getByTestId('negotiation-create').click()
    await expect.poll(async () => (await focusedElement(page)).testId).toBe('negotiation-id')
    expect((await described(page.getByTestId('negotiation-id'))).description).toMatch(
      /^Minuscules, chiffres et tirets/,
    )
  })
})
