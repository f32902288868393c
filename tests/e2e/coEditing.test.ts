import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage, MarginNumber } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'

// Two delegations of the demo negotiation, signed in each in its own browser context; the
// server stamps their presence with their accounts' names.
const FRANCE = { username: 'fra', name: 'Délégation de la France', delegation: 'FRA' }
const MOROCCO = { username: 'mar', name: 'Délégation du Maroc', delegation: 'MAR' }

let server: TestServer | undefined
let session: BrowserSession | undefined
let fra: DraftPage
let mar: DraftPage

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-coEditing'))
  fra = await session.newDraftPage('fra')
  mar = await session.newDraftPage('mar')
  const { url } = server
  await session.step('open the draft', async () => {
    await Promise.all([fra.open(url), mar.open(url)])
    await Promise.all([fra.signIn(FRANCE.username), mar.signIn(MOROCCO.username)])
  })
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

/** Waits until `page` shows `expected` as the text of block `uid`. */
async function expectText(page: DraftPage, uid: string, expected: (text: string) => void) {
  await retryableAssertion(async () => expected(await page.textOf(page.block(uid))))
}

describe('two delegations co-editing the draft compact', () => {
  it('shows each delegation what the other types, and where its caret is', async () => {
    const commitmentUid = await fra.uidOf(fra.commitmentOf(7))
    expect(await mar.uidOf(mar.commitmentOf(7))).toBe(commitmentUid)
    const actionUid = await mar.uidOf(mar.objective(7).locator('[data-type="action"]').first())
    const commitment = await fra.textOf(fra.block(commitmentUid))

    const fromFrance = ' en associant les autorités locales (FRA-7)'
    await fra.typeAtEndOf(fra.block(commitmentUid), fromFrance)
    await expectText(fra, commitmentUid, (text) => expect(text).toBe(commitment + fromFrance))
    await expectText(mar, commitmentUid, (text) => expect(text).toBe(commitment + fromFrance))

    const action = await mar.textOf(mar.block(actionUid))
    const fromMorocco = ' et d’y associer la société civile (MAR-7)'
    await mar.typeAtEndOf(mar.block(actionUid), fromMorocco)
    await expectText(mar, actionUid, (text) => expect(text).toBe(action + fromMorocco))
    await expectText(fra, actionUid, (text) => expect(text).toBe(action + fromMorocco))

    // Each sees the other's caret, labelled with the name and the delegation, not its own.
    await retryableAssertion(async () =>
      expect(await fra.caretLabels()).toEqual([`${MOROCCO.name} · ${MOROCCO.delegation}`]),
    )
    await retryableAssertion(async () =>
      expect(await mar.caretLabels()).toEqual([`${FRANCE.name} · ${FRANCE.delegation}`]),
    )

    await Promise.all([fra.waitSaved(), mar.waitSaved()])
  })

  it('numbers a paragraph France proposes in the preamble "bis" in both browsers, and moves no agreed number', async () => {
    const before = await fra.marginNumbers()
    await retryableAssertion(async () => expect(await mar.marginNumbers()).toEqual(before))
    const anchor = fra.preambleParagraphs().first()
    const anchorUid = await fra.uidOf(anchor)
    const anchorIndex = before.findIndex((block) => block.uid === anchorUid)
    const anchorNumber = parseInt(before[anchorIndex]?.number ?? '', 10)
    const firstCommitmentUid = await fra.uidOf(fra.commitmentOf(1))
    const firstCommitment = await fra.marginNumberOf(firstCommitmentUid)
    expect(firstCommitment).toMatch(/^\d+\.$/)

    await fra.placeCursorAtEndOf(anchor)
    await fra.press('Enter')
    await fra.page.keyboard.type('Paragraphe inséré par la France.')

    // A proposal never moves agreed numbers (UN practice): the new paragraph is "N bis.", and
    // every block keeps its number until a revision consolidates them.
    const expected = (after: MarginNumber[]) => {
      const inserted = after.filter((block) => !before.some((b) => b.uid === block.uid))
      expect(inserted).toEqual([
        { uid: expect.any(String) as unknown, type: 'paragraph', number: `${anchorNumber} bis.` },
      ])
      expect(after.filter((block) => block !== inserted[0])).toEqual(before)
    }
    for (const page of [fra, mar]) {
      await retryableAssertion(async () => {
        expect(await page.marginNumberOf(firstCommitmentUid)).toBe(firstCommitment)
        expected(await page.marginNumbers())
      })
    }

    await Promise.all([fra.waitSaved(), mar.waitSaved()])
  })
})
