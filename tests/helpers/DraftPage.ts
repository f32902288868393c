import type { Locator, Page } from 'playwright-core'

/** How long the UI may take to reach a state (connected, saved) before a test fails. */
const UI_TIMEOUT_MS = 15_000

export type SavedState = 'saved' | 'saving' | 'offline-unsaved'

/** A numbered block as the margin shows it. */
export interface MarginNumber {
  uid: string
  type: string
  number: string
}

/**
 * Collects the Content-Security-Policy violations of a page (run in the page, from its start:
 * `addInitScript`), which `DraftPage.cspViolations` reads.
 */
export function recordCspViolations(): void {
  const seen: string[] = []
  Object.assign(window, { cspViolations: seen })
  document.addEventListener('securitypolicyviolation', (event) =>
    seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
  )
}

/**
 * One user's tab on the live draft: what a delegate sees and does, in the words of the page
 * (objective 7, its commitment, the margin number), so tests read as the scenario they check.
 */
export class DraftPage {
  constructor(
    readonly page: Page,
    /** Names this page in traces and screenshots, e.g. `fra`. */
    readonly label: string,
  ) {}

  /** What the server's Content-Security-Policy refused the page, e.g. `style-src-elem inline`. */
  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(
      () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
    )
  }

  get editor(): Locator {
    return this.page.locator('.ProseMirror')
  }

  /** Loads the app and waits until it asks the user to sign in or shows the draft. */
  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await this.page
      .locator('[data-testid="signin-username"], .ProseMirror')
      .first()
      .waitFor({ timeout: UI_TIMEOUT_MS })
  }

  /** The sign-in form's fields, as a test fills them in. */
  get signInForm(): { username: Locator; password: Locator; submit: Locator; error: Locator } {
    return {
      username: this.page.getByTestId('signin-username'),
      password: this.page.getByTestId('signin-password'),
      submit: this.page.getByTestId('signin-submit'),
      error: this.page.getByTestId('signin-error'),
    }
  }

  /** Fills in and sends the sign-in form, without waiting for what follows. */
  async submitSignIn(username: string, password: string): Promise<void> {
    const form = this.signInForm
    await form.username.fill(username)
    await form.password.fill(password)
    await form.submit.click()
  }

  /**
   * Signs in on the sign-in page (demo accounts' password by default) and waits for the
   * connected draft: editable for those who may write, with the read-only badge for the others.
   */
  async signIn(username: string, password = 'demo'): Promise<void> {
    await this.submitSignIn(username, password)
    await this.waitConnected()
    await this.objective(1).waitFor({ timeout: UI_TIMEOUT_MS })
    await this.page
      .locator('.ProseMirror[contenteditable="true"], [data-testid="read-only-badge"]')
      .first()
      .waitFor({ timeout: UI_TIMEOUT_MS })
  }

  /** Signs out from the user menu and waits for the sign-in page. */
  async signOut(): Promise<void> {
    await this.page.getByTestId('user-menu').click()
    await this.page.getByTestId('signout').click()
    await this.signInForm.username.waitFor({ timeout: UI_TIMEOUT_MS })
  }

  /** The badge saying the user may read the text but not change it. */
  get readOnlyBadge(): Locator {
    return this.page.getByTestId('read-only-badge')
  }

  async waitConnected(): Promise<void> {
    await this.page
      .locator('[data-testid="connection-state"][data-state="connected"]')
      .waitFor({ timeout: UI_TIMEOUT_MS })
  }

  /** Objective `n` (1-based) of the draft. */
  objective(n: number): Locator {
    return this.editor.locator('[data-type="objective"]').nth(n - 1)
  }

  /** The commitment paragraph of objective `n`. */
  commitmentOf(n: number): Locator {
    return this.objective(n).locator('[data-type="commitment"]')
  }

  /** The block whose uid is `uid`. */
  block(uid: string): Locator {
    return this.editor.locator(`[data-uid="${uid}"]`)
  }

  /** The numbered paragraphs of the preamble. */
  preambleParagraphs(): Locator {
    return this.editor.locator('[data-kind="preamble"] [data-type="paragraph"]')
  }

  /** The uid of a block. */
  async uidOf(block: Locator): Promise<string> {
    const uid = await block.getAttribute('data-uid')
    if (!uid) throw new Error(`${this.label}: block without data-uid`)
    return uid
  }

  /** The text of a block as the user reads it, without remote carets' labels. */
  async textOf(block: Locator): Promise<string> {
    return block.evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement
      copy.querySelectorAll('[contenteditable="false"]').forEach((widget) => widget.remove())
      return copy.textContent ?? ''
    })
  }

  /** Puts the cursor at the end of a block's own text, as a click there would. */
  async placeCursorAtEndOf(block: Locator): Promise<void> {
    await block.evaluate((element) => {
      const editor = element.closest<HTMLElement>('.ProseMirror')
      editor?.focus()
      // Skip the text of widgets (remote carets' labels): the cursor goes in the block's text.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('[contenteditable="false"]')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      })
      let last: Node | null = null
      for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node
      const range = document.createRange()
      if (last) range.setStart(last, last.textContent?.length ?? 0)
      else range.setStart(element, 0)
      range.collapse(true)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
    })
    // ProseMirror reads the DOM selection on `selectionchange`; wait until it has.
    await this.page.waitForFunction(() => {
      const selection = window.getSelection()
      return document.activeElement?.classList.contains('ProseMirror') && selection?.isCollapsed
    })
  }

  /** Types `text` at the end of a block, key by key, as the user would. */
  async typeAtEndOf(block: Locator, text: string): Promise<void> {
    await this.placeCursorAtEndOf(block)
    await this.page.keyboard.type(text)
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key)
  }

  async savedState(): Promise<string | null> {
    return this.page.getByTestId('saved-state').getAttribute('data-state')
  }

  /** Waits until the indicator says every local change is stored on the server. */
  async waitSaved(timeoutMs = UI_TIMEOUT_MS): Promise<void> {
    await this.page
      .locator('[data-testid="saved-state"][data-state="saved"]')
      .waitFor({ timeout: timeoutMs })
  }

  /** The number shown in the margin of block `uid` ("17.", "a)", "7"), or null. */
  async marginNumberOf(uid: string): Promise<string | null> {
    return this.block(uid).getAttribute('data-number')
  }

  /** Every numbered block, in document order. */
  async marginNumbers(): Promise<MarginNumber[]> {
    return this.editor.evaluate((editor) =>
      [...editor.querySelectorAll('[data-uid][data-number]')].map((element) => ({
        uid: element.getAttribute('data-uid') ?? '',
        type: element.getAttribute('data-type') ?? '',
        number: element.getAttribute('data-number') ?? '',
      })),
    )
  }

  /** The labels of the other users' carets shown in the text. */
  async caretLabels(): Promise<string[]> {
    return this.editor
      .locator('.collaboration-carets__caret .collaboration-carets__label')
      .allTextContents()
  }

  /** The other users' carets: their label and the colour the caret is drawn in (`#rrggbb`). */
  async carets(): Promise<{ label: string; color: string }[]> {
    return this.editor.locator('.collaboration-carets__caret').evaluateAll((carets) =>
      carets.map((caret) => {
        const channels = getComputedStyle(caret).borderLeftColor.match(/\d+/g) ?? []
        const hex = channels
          .slice(0, 3)
          .map((channel) => Number(channel).toString(16).padStart(2, '0'))
          .join('')
        return {
          label: caret.querySelector('.collaboration-carets__label')?.textContent ?? '',
          color: `#${hex}`,
        }
      }),
    )
  }
}
