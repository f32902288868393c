import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, delegationColorsOf, userIdOf } from '../helpers/accounts.ts'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'

const NBSP = '\u00a0'

let server: TestServer | undefined
let session: BrowserSession | undefined

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-signIn'))
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

/** A new browser context on the app, at the sign-in page. */
async function openSignIn(label: string): Promise<DraftPage> {
  if (!session || !server) throw new Error('not started')
  const page = await session.newDraftPage(label)
  await page.open(server.url)
  await page.signInForm.username.waitFor()
  return page
}

describe('signing in to the demo negotiation', () => {
  it('opens the draft for a delegation, whose caret the others see in its colour', async () => {
    const fra = await openSignIn('fra')
    await fra.signIn('fra')
    await expect(fra.page.getByTestId('document-title').textContent()).resolves.toContain(
      'Pacte mondial',
    )
    expect(await fra.readOnlyBadge.count()).toBe(0)
    await fra.page.getByTestId('user-menu').click()
    expect(await fra.page.getByTestId('user-identity').textContent()).toBe(
      'Délégation de la France — FRA — délégation',
    )
    await fra.page.keyboard.press('Escape')

    const mar = await openSignIn('mar')
    await mar.signIn('mar')
    const franceColor = (
      await delegationColorsOf(await ApiClient.signedIn(server!.url, 'fra'), 'pacte-mondial')
    ).get('FRA')
    await fra.placeCursorAtEndOf(fra.commitmentOf(1))
    await retryableAssertion(async () =>
      expect(await mar.carets()).toEqual([
        { label: 'Délégation de la France · FRA', color: franceColor },
      ]),
    )

    // The app shell, the editor and its carets live within the server's policy.
    expect(await fra.cspViolations()).toEqual([])
    expect(await mar.cspViolations()).toEqual([])

    // Signing out closes the draft: back to the sign-in page, and the caret leaves the room.
    await fra.signOut()
    await retryableAssertion(async () => expect(await mar.caretLabels()).toEqual([]))
    await fra.page.reload()
    await fra.signInForm.username.waitFor()
    expect(await fra.editor.count()).toBe(0)
  })

  it('says so when the password is wrong', async () => {
    const stranger = await openSignIn('wrong-password')
    await stranger.submitSignIn('fra', 'not-the-password')
    await expect(stranger.signInForm.error.textContent()).resolves.toBe(
      'Nom d’utilisateur ou mot de passe incorrect.',
    )
    expect(await stranger.editor.count()).toBe(0)
  })

  it('shows an observer the text read-only', async () => {
    const iom = await openSignIn('iom')
    await iom.signIn('iom')
    await expect(iom.readOnlyBadge.textContent()).resolves.toContain('Lecture seule')
    expect(await iom.editor.getAttribute('contenteditable')).toBe('false')
    expect(await iom.page.getByTestId('insert-paragraph').count()).toBe(0)

    const commitment = iom.commitmentOf(2)
    const before = await iom.textOf(commitment)
    await commitment.click()
    await iom.page.keyboard.type('Texte d’un observateur')
    await iom.press('Enter')
    expect(await iom.textOf(commitment)).toBe(before)
  })

  it('follows a role changed, and a user deactivated, while the room is open', async () => {
    if (!server) throw new Error('not started')
    const secretariat = await ApiClient.signedIn(server.url, 'secretariat')
    const setRole = async (username: string, role: string) => {
      const id = await userIdOf(secretariat, username)
      const { status } = await secretariat.json(
        'PUT',
        `/api/negotiations/pacte-mondial/roles/${id}`,
        {
          role,
        },
      )
      expect(status).toBe(204)
    }

    const iom = await openSignIn('iom-promoted')
    await iom.signIn('iom')
    await iom.readOnlyBadge.waitFor()
    await setRole('iom', 'coFacilitator')
    await iom.editor.and(iom.page.locator('[contenteditable="true"]')).waitFor()
    await iom.page.getByTestId('insert-paragraph').waitFor()
    expect(await iom.readOnlyBadge.count()).toBe(0)
    await setRole('iom', 'observer')
    await iom.readOnlyBadge.waitFor()
    expect(await iom.editor.getAttribute('contenteditable')).toBe('false')

    const brazil = await openSignIn('bra')
    await brazil.signIn('bra')
    const { status } = await secretariat.json(
      'POST',
      `/api/users/${await userIdOf(secretariat, 'bra')}/deactivate`,
    )
    expect(status).toBe(204)
    await brazil.signInForm.username.waitFor()
    await expect(brazil.page.locator('.signin-notice').textContent()).resolves.toBe(
      'Votre session a pris fin. Reconnectez-vous pour continuer.',
    )
  })

  it('lets the secretariat seat a new delegation and give a new user a role', async () => {
    const secretariat = await openSignIn('secretariat')
    // The secretariat lands on its console.
    await secretariat.submitSignIn('secretariat', 'demo')
    const page = secretariat.page
    await page.getByTestId('console').waitFor()
    expect(await secretariat.editor.count()).toBe(0)

    await page.getByTestId('delegation-code').fill('ITA')
    await page.getByTestId('delegation-name-fr').fill('Italie')
    await page.getByTestId('delegation-name-en').fill('Italy')
    await page.getByTestId('delegation-save').click()
    await expect(page.getByTestId('delegation-feedback').textContent()).resolves.toBe(
      'Délégation ITA enregistrée.',
    )

    await page.getByTestId('seat-negotiation').selectOption('pacte-mondial')
    await page.getByTestId('seat-delegation').selectOption('ITA')
    await page.getByTestId('seat-submit').click()
    await page.locator('[data-testid="seat-feedback"][data-outcome="success"]').waitFor()

    await page.getByTestId('user-username').fill('ita')
    await page.getByTestId('user-display-name').fill('Délégation de l’Italie')
    await page.getByTestId('user-password').fill('roma-2018-marrakech')
    await page.getByTestId('user-delegation').selectOption('ITA')
    await page.getByTestId('user-create').click()
    await expect(page.getByTestId('user-create-feedback').textContent()).resolves.toBe(
      `Utilisateur «${NBSP}ita${NBSP}» créé.`,
    )

    await page.getByTestId('roles-negotiation').selectOption('pacte-mondial')
    const row = page.locator('[data-testid="user-row"][data-username="ita"]')
    // A role changes only once confirmed.
    await row.getByTestId('user-role').selectOption('observer')
    await expect(row.getByTestId('role-confirm').textContent()).resolves.toContain(
      `Donner à «${NBSP}ita${NBSP}» le rôle observateur`,
    )
    await row.getByTestId('role-confirm-no').click()
    await expect(row.getByTestId('user-role').inputValue()).resolves.toBe('')
    await row.getByTestId('user-role').selectOption('delegation')
    await row.getByTestId('role-confirm-yes').click()
    await expect(page.getByTestId('users-feedback').textContent()).resolves.toBe(
      `«${NBSP}ita${NBSP}» est délégation dans «${NBSP}pacte-mondial${NBSP}».`,
    )

    const italy = await openSignIn('ita')
    await italy.signIn('ita', 'roma-2018-marrakech')
    expect(await italy.readOnlyBadge.count()).toBe(0)
    await italy.page.getByTestId('user-menu').click()
    expect(await italy.page.getByTestId('user-identity').textContent()).toBe(
      'Délégation de l’Italie — ITA — délégation',
    )
  })
})
