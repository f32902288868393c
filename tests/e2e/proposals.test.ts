import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BrowserSession, recordFailures } from '../helpers/browser.ts'
import { startBrowserSuite, type TestServer } from '../helpers/browserSuite.ts'
import type { DraftPage } from '../helpers/DraftPage.ts'
import { retryableAssertion } from '../helpers/poll.ts'
import { ProposalsPanel, selectText } from '../helpers/ProposalsPanel.ts'
import * as Y from 'yjs'
import { ApiClient, delegationColorsOf } from '../helpers/accounts.ts'
import { blockByUid, connectWithToken } from '../helpers/yClients.ts'

// Screenshots of each user's view, for people to look at, only when asked for:
// PROPOSALS_SCREENSHOTS=<directory> npx vitest run tests/e2e/proposals.test.ts
const SCREENSHOTS_DIR = process.env.PROPOSALS_SCREENSHOTS

/** Objective 7 a) of the demo, where France already proposes to replace "involontairement". */
const ACTION_7A = 'obj-07-a'
const PHL_PROPOSAL = 'demo-phl-06'
const NID = 'pacte-mondial'

let server: TestServer | undefined
let session: BrowserSession | undefined
let fra: DraftPage
let che: DraftPage
let mar: DraftPage

async function openAs(username: string): Promise<DraftPage> {
  if (!session || !server) throw new Error('not started')
  return session.signedInPage(server.url, username)
}

async function screenshot(page: DraftPage, name: string): Promise<void> {
  if (!SCREENSHOTS_DIR) return
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true })
  await page.page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}-${page.label}.png`) })
}

/** The server's refusals the page was told about (there must be none). */
const refusalsOf = (page: DraftPage) =>
  page.page.locator('[data-testid="notice"][data-code="refused_change"]').count()

beforeAll(async () => {
  ;({ server, session } = await startBrowserSuite('e2e-proposals'))
  await session.step('open the room', async () => {
    fra = await openAs('fra')
    che = await openAs('che')
    mar = await openAs('mar')
  })
})

recordFailures(() => session)

afterAll(async () => {
  await session?.closeAll()
  await server?.close()
})

describe('tracked proposals, from a delegation to the co-facilitators', () => {
  it('shows a delegation that it suggests, and a co-facilitator the choice', async () => {
    await expect(fra.page.getByTestId('suggesting-badge').isVisible()).resolves.toBe(true)
    expect(await fra.page.getByTestId('mode-toggle').count()).toBe(0)
    const toggle = che.page.getByTestId('mode-toggle')
    expect(await toggle.getAttribute('data-mode')).toBe('edit')
    await toggle.click()
    expect(await toggle.getAttribute('data-mode')).toBe('suggest')
    await toggle.click()
    expect(await toggle.getAttribute('data-mode')).toBe('edit')
  })

  it('lets France replace a word in objective 7 a), which the co-facilitator sees live and accepts', async () => {
    const fraPanel = new ProposalsPanel(fra)
    const chePanel = new ProposalsPanel(che)
    await retryableAssertion(async () => expect(await chePanel.outlineCount(7)).toBe('2'))

    await selectText(fra, fra.block(ACTION_7A), 'Examiner')
    await fra.page.keyboard.type('Réexaminer')
    await fra.waitSaved()

    const colors = await delegationColorsOf(await ApiClient.signedIn(server!.url, 'fra'), NID)
    const franceColor = colors.get('FRA')
    const expectedMarks = [
      { kind: 'del', delegation: 'FRA', text: 'Examiner', color: franceColor },
      { kind: 'ins', delegation: 'FRA', text: 'Réexaminer', color: franceColor },
    ]
    for (const page of [fra, che]) {
      const panel = new ProposalsPanel(page)
      await retryableAssertion(async () =>
        expect((await panel.marksIn(page.block(ACTION_7A))).slice(0, 2)).toEqual(expectedMarks),
      )
    }
    await retryableAssertion(async () => expect(await chePanel.outlineCount(7)).toBe('3'))

    // Over the proposed word, a tooltip says whose proposal it is and where it stands.
    await che.block(ACTION_7A).locator('ins[data-delegation="FRA"]').first().hover()
    const tooltip = che.page.getByTestId('proposal-tooltip')
    await tooltip.waitFor()
    await retryableAssertion(async () =>
      expect(await tooltip.textContent()).toMatch(/^Proposition FRA · Ouverte · par .+/),
    )
    await che.page.mouse.move(0, 0)

    // In the panel, under objective 7, in France's name.
    await chePanel.filter('objective', '7')
    const replacement = chePanel
      .itemsOfObjective(7)
      .filter({ hasText: 'Réexaminer' })
      .and(che.page.locator('[data-delegation="FRA"][data-status="open"]'))
    await replacement.waitFor()
    expect(await replacement.getByTestId('proposal-change').textContent()).toContain(
      'ExaminerRéexaminer',
    )
    const proposalId = await replacement.getAttribute('data-proposal-id')
    if (!proposalId) throw new Error('the proposal has no id')
    await screenshot(fra, 'proposed')
    await screenshot(che, 'proposed')

    await replacement.getByTestId('proposal-accept').click()

    // France sees it become agreed text: the words, without marks.
    await retryableAssertion(async () => {
      const text = await fra.textOf(fra.block(ACTION_7A))
      expect(text.startsWith('Réexaminer les politiques')).toBe(true)
      expect(await fra.block(ACTION_7A).locator(`[data-proposal="${proposalId}"]`).count()).toBe(0)
    })
    await fraPanel.filter('status', 'accepted')
    await retryableAssertion(async () =>
      expect(await fraPanel.list()).toEqual([
        expect.objectContaining({ id: proposalId, delegation: 'FRA', status: 'accepted' }),
      ]),
    )
    await retryableAssertion(async () => expect(await chePanel.outlineCount(7)).toBe('2'))
    expect(await refusalsOf(fra)).toBe(0)
  })

  it('lets Morocco support the Philippines’ new action, for everyone to see', async () => {
    const marPanel = new ProposalsPanel(mar)
    const item = marPanel.item(PHL_PROPOSAL)
    expect(await item.getByTestId('proposal-supporters').textContent()).toContain('BRA, EGY')
    await item.getByTestId('proposal-support').click()
    for (const page of [mar, fra, che]) {
      const panel = new ProposalsPanel(page)
      await panel.filter('objective', 'all')
      await panel.filter('status', 'open')
      await retryableAssertion(async () =>
        expect(
          await panel.item(PHL_PROPOSAL).getByTestId('proposal-supporters').textContent(),
        ).toContain('BRA, EGY, MAR'),
      )
    }
    // Morocco takes its support back: everyone sees the list without it.
    await item.getByTestId('proposal-unsupport').click()
    for (const page of [mar, che]) {
      await retryableAssertion(async () =>
        expect(
          await new ProposalsPanel(page)
            .item(PHL_PROPOSAL)
            .getByTestId('proposal-supporters')
            .textContent(),
        ).not.toContain('MAR'),
      )
    }
    await item.getByTestId('proposal-support').click()
    await retryableAssertion(async () =>
      expect(await item.getByTestId('proposal-supporters').textContent()).toContain('MAR'),
    )
    // A delegation does not support its own proposals; co-facilitators do not support at all.
    expect(
      await new ProposalsPanel(fra).item('demo-fra-07a').getByTestId('proposal-support').count(),
    ).toBe(0)
    expect(
      await new ProposalsPanel(che).item(PHL_PROPOSAL).getByTestId('proposal-support').count(),
    ).toBe(0)
    await screenshot(mar, 'supported')
  })

  it('takes a delegation’s typing, deleting, new action and its removal without a refusal', async () => {
    const block = fra.block('obj-07-b')
    await fra.placeCursorAtEndOf(block)
    await fra.page.keyboard.type(' et durable')
    await fra.page.keyboard.press('Backspace')
    await fra.page.keyboard.press('Backspace')
    await fra.page.keyboard.type('le')
    await fra.page.keyboard.press('Enter')
    await fra.page.keyboard.type('Échanger les bonnes pratiques.')
    await fra.waitSaved()
    const newAction = fra.objective(7).locator('[data-type="action"][data-inserted-by="FRA"]')
    await retryableAssertion(async () => expect(await newAction.count()).toBe(1))
    await retryableAssertion(async () =>
      expect(await che.objective(7).locator('[data-inserted-by="FRA"]').textContent()).toContain(
        'Échanger les bonnes pratiques.',
      ),
    )
    await screenshot(fra, 'typing')
    await screenshot(che, 'typing')
    await fra.page.getByTestId('propose-deletion').click()
    await retryableAssertion(async () => expect(await newAction.count()).toBe(0))
    await fra.waitSaved()

    // Undo takes back the delegation's own proposal, and the server agrees. The undo history
    // groups changes less than 500 ms apart: the delegate pauses, as people do between edits,
    // and presses Ctrl+Z until the typing is gone (on a loaded machine keystrokes more than
    // 500 ms apart make several undo steps). No step may reach past the typing into the text.
    await fra.page.waitForTimeout(600)
    const action = fra.block('obj-07-e')
    const agreed = await fra.textOf(action)
    await fra.typeAtEndOf(action, ' provisoirement')
    await fra.waitSaved()
    const typed = `${agreed} provisoirement`
    for (
      let step = 0;
      step < typed.length - agreed.length && (await fra.textOf(action)) !== agreed;
      step++
    ) {
      await fra.page.keyboard.press('Control+z')
      const now = await fra.textOf(action)
      expect(typed.startsWith(now) && now.length >= agreed.length, `after undo: ${now}`).toBe(true)
    }
    await retryableAssertion(async () => expect(await fra.textOf(action)).toBe(agreed))
    await fra.waitSaved()
    await retryableAssertion(async () =>
      expect(await che.textOf(che.block('obj-07-e'))).toBe(agreed),
    )
    expect(await refusalsOf(fra)).toBe(0)
  })

  it('converges back to the server’s text after a refused change, without a reload', async () => {
    const block = () => fra.block('obj-07-c')
    const before = await fra.textOf(block())
    await fra.page.evaluate(() => {
      Object.assign(window, { isStillTheSamePage: true })
      // A client that gets its attribution wrong (as a hand-made one could): Germany's name.
      const dom = document.querySelector('.ProseMirror') as unknown as {
        editor: { commands: { setProposer: (proposer: string, mayEdit: boolean) => boolean } }
      }
      dom.editor.commands.setProposer('DEU', false)
    })
    await fra.placeCursorAtEndOf(block())
    await fra.page.keyboard.type(' (DEU)')

    await fra.page.locator('[data-testid="notice"][data-code="refused_change"]').waitFor()
    await retryableAssertion(async () => expect(await fra.textOf(block())).toBe(before))
    await screenshot(fra, 'refused')
    await fra.page.locator('[data-testid="notice"][data-code="refused_change"] button').click()
    await fra.waitConnected()
    expect(await fra.page.evaluate(() => 'isStillTheSamePage' in window)).toBe(true)
    expect(await che.textOf(che.block('obj-07-c'))).toBe(before)

    // The editor is bound to the fresh copy, as France again.
    const franceColor = (
      await delegationColorsOf(await ApiClient.signedIn(server!.url, 'fra'), NID)
    ).get('FRA')
    await fra.placeCursorAtEndOf(block())
    await fra.page.keyboard.type(' (FRA)')
    await fra.waitSaved()
    await retryableAssertion(async () =>
      expect(await new ProposalsPanel(che).marksIn(che.block('obj-07-c'))).toEqual([
        { kind: 'ins', delegation: 'FRA', text: ' (FRA)', color: franceColor },
      ]),
    )
  })

  it('takes a rationale, comments, a withdrawal and a decision on all of a delegation’s proposals', async () => {
    const marPanel = new ProposalsPanel(mar)
    const chePanel = new ProposalsPanel(che)
    const fraPanel = new ProposalsPanel(fra)
    for (const panel of [marPanel, chePanel, fraPanel]) {
      await panel.filter('objective', 'all')
      await panel.filter('delegation', 'all')
      await panel.filter('status', 'open')
    }

    // Morocco explains its proposal; the co-facilitator comments on it.
    const morocco = marPanel.item('demo-mar-07b')
    await morocco.getByTestId('proposal-explain').click()
    await morocco
      .getByTestId('proposal-form-text')
      .fill('Les pays de transit sont aussi concernés.')
    await morocco.getByTestId('proposal-form-send').click()
    const seenByChe = chePanel.item('demo-mar-07b')
    await retryableAssertion(async () =>
      expect(await seenByChe.getByTestId('proposal-rationale').textContent()).toContain(
        'pays de transit sont aussi concernés',
      ),
    )
    await seenByChe.getByTestId('proposal-comment').click()
    await seenByChe.getByTestId('proposal-form-text').fill('À examiner avec l’objectif 21.')
    await seenByChe.getByTestId('proposal-form-send').click()
    await retryableAssertion(async () =>
      expect(await morocco.getByTestId('proposal-comment-item').allTextContents()).toEqual([
        expect.stringContaining('À examiner avec l’objectif 21.'),
      ]),
    )

    // France withdraws its own addition to 7 b): the words leave the text.
    const addition = fraPanel.root
      .getByTestId('proposal-item')
      .filter({ hasText: 'et durable' })
      .and(fra.page.locator('[data-delegation="FRA"]'))
    await addition.getByTestId('proposal-withdraw').click()
    await retryableAssertion(async () =>
      expect(await che.textOf(che.block('obj-07-b'))).not.toContain('et durable'),
    )

    // The co-facilitator rejects everything Brazil proposed.
    await chePanel.filter('delegation', 'BRA')
    await chePanel.root.getByTestId('bulk-reject').click()
    // Before it runs, the decision says whose proposals it touches, and where.
    expect(await chePanel.root.getByTestId('bulk-detail').textContent()).toMatch(
      /\(BRA 1 · (objectif 15\u00a0: 1|objective 15: 1)\)/,
    )
    await chePanel.root.getByTestId('bulk-confirm').click()
    await retryableAssertion(async () =>
      expect(await fra.textOf(fra.block('obj-15-b'))).not.toContain('soins de santé d’urgence'),
    )
    await chePanel.filter('status', 'rejected')
    await retryableAssertion(async () =>
      expect(await chePanel.list()).toEqual([
        expect.objectContaining({ id: 'demo-bra-15b', status: 'rejected', delegation: 'BRA' }),
      ]),
    )
    await screenshot(che, 'decided')
    expect(await refusalsOf(fra)).toBe(0)
  })

  it('lets Morocco keep typing after a hand-made client sent a block with an agreed uid', async () => {
    // France's engineer, with the Yjs API: a proposed paragraph carrying the uid of an agreed
    // one. It is refused; the editors never see a duplicate to rename at every keystroke.
    const token = await (await ApiClient.signedIn(server!.url, 'fra')).createToken()
    const script = connectWithToken({
      baseUrl: server!.url,
      negotiationId: NID,
      token,
      isDraftroomClient: true,
    })
    await script.synced()
    const agreed = blockByUid(script.doc, 'p-05')
    const section = agreed.parent as Y.XmlElement
    const copy = new Y.XmlElement('paragraph')
    copy.setAttribute('uid', 'p-05')
    copy.setAttribute('insertedBy', {
      proposalId: 'fra-copy-uid',
      delegation: 'FRA',
    } as unknown as string)
    copy.insert(0, [new Y.XmlText()])
    section.insert(section.toArray().indexOf(agreed) + 1, [copy])
    await retryableAssertion(() =>
      expect(script.notices.map((notice) => notice.code)).toContain('refused_change'),
    )
    script.destroy()

    const words = ['Nous', 'réaffirmons', 'également', 'nos', 'engagements']
    for (const word of words) await mar.typeAtEndOf(mar.block('p-06'), ` ${word}`)
    await mar.waitSaved()
    const observer = await ApiClient.signedIn(server!.url, 'iom')
    const { body } = await observer.json<{ document: unknown }>(
      'GET',
      `/api/negotiations/${NID}/draft`,
    )
    for (const word of words) expect(JSON.stringify(body.document)).toContain(word)
    expect(await refusalsOf(mar)).toBe(0)
  })
})
