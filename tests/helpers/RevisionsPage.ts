import type { Locator, Page } from 'playwright-core'

const UI_TIMEOUT_MS = 15_000

/** A comparison block's look: the words struck through and those bold and underlined. */
export interface MarkedWords {
  struck: string[]
  boldUnderlined: string[]
}

/**
 * The revisions list and the comparison view, in the words of their pages (publish Rev.1,
 * compare the zero draft with it, go to the next change), so tests read as their scenario.
 */
export class RevisionsPage {
  constructor(readonly page: Page) {}

  /** From the room, opens the revisions list. */
  async openFromRoom(): Promise<void> {
    await this.page.getByTestId('open-revisions').click()
    await this.page.getByTestId('revision-list').waitFor({ timeout: UI_TIMEOUT_MS })
  }

  /** The row of the revision whose symbol is `symbol`. */
  row(symbol: string): Locator {
    return this.page.locator(`[data-testid="revision-row"][data-symbol="${symbol}"]`)
  }

  /** Publishes the live draft from the form and waits for the new row. */
  async publish(symbol: string, title: string): Promise<void> {
    await this.page.getByTestId('publish-symbol').fill(symbol)
    await this.page.getByTestId('publish-title').fill(title)
    await this.page.getByTestId('publish-submit').click()
    await this.page
      .locator('[data-testid="publish-feedback"][data-outcome="success"]')
      .waitFor({ timeout: UI_TIMEOUT_MS })
    await this.row(symbol).waitFor({ timeout: UI_TIMEOUT_MS })
  }

  /** Sends a file to the import form; does not wait for the outcome. */
  async submitImport(file: { name: string; text: string }, symbol: string, title: string) {
    await this.page.getByTestId('import-file').setInputFiles({
      name: file.name,
      mimeType: 'text/plain',
      buffer: Buffer.from(file.text, 'utf8'),
    })
    await this.page.getByTestId('import-symbol').fill(symbol)
    await this.page.getByTestId('import-title').fill(title)
    await this.page.getByTestId('import-submit').click()
  }

  /** Opens the comparison tab and chooses its two texts by their option values (ids, `live`). */
  async compare(from: string, to: string): Promise<void> {
    await this.page.getByTestId('tab-compare').click()
    await this.page.getByTestId('compare-from').selectOption(from)
    await this.page.getByTestId('compare-to').selectOption(to)
    await this.waitForComparison(from, to)
  }

  /** Waits until the document on screen is the comparison of `from` with `to`. */
  async waitForComparison(from: string, to: string): Promise<void> {
    await this.page.waitForURL(
      (url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to,
    )
    await this.page.getByTestId('compare-document').waitFor({ timeout: UI_TIMEOUT_MS })
  }

  async setMode(mode: 'inline' | 'sideBySide'): Promise<void> {
    await this.page.getByTestId('compare-mode').locator(`[data-mode="${mode}"]`).click()
    await this.page
      .locator(`[data-testid="compare-document"][data-mode="${mode}"]`)
      .waitFor({ timeout: UI_TIMEOUT_MS })
  }

  /** Shows the concordance of the two compared texts and waits for its rows. */
  async showConcordance(): Promise<Locator> {
    await this.page.getByTestId('compare-view').locator('[data-view="concordance"]').click()
    await this.page.getByTestId('concordance-row').first().waitFor({ timeout: UI_TIMEOUT_MS })
    return this.page.getByTestId('concordance')
  }

  /** The concordance row whose number in the later text is `number` ("7 a)"). */
  concordanceRow(number: string): Locator {
    return this.page.getByTestId('concordance-row').filter({
      has: this.page.locator('td:nth-child(2)', {
        hasText: new RegExp(`^${number.replace(/[()]/g, '\\$&')}$`),
      }),
    })
  }

  /** The blocks of the comparison that differ, with their status. */
  changedBlocks(): Locator {
    return this.page.locator('[data-testid="compare-block"]:not([data-status="unchanged"])')
  }

  /** The blocks of objective `n` that differ. */
  changedBlocksOf(objective: number): Locator {
    return this.changedBlocks().and(this.page.locator(`[data-objective="${objective}"]`))
  }

  /** The entry of objective `n` in the comparison's outline. */
  outlineObjective(objective: number): Locator {
    return this.page.getByTestId(`compare-objective-${objective}`)
  }

  /** The block the change navigation stands on. */
  currentBlock(): Locator {
    return this.page.locator('[data-testid="compare-block"][data-current="true"]')
  }

  /**
   * The words of `scope` as the reader sees them marked: struck through (deleted) and bold and
   * underlined (inserted), read from the computed style rather than from tag names.
   */
  async markedWords(scope: Locator): Promise<MarkedWords> {
    return scope.evaluate((element) => {
      const struck: string[] = []
      const boldUnderlined: string[] = []
      for (const mark of element.querySelectorAll<HTMLElement>('ins, del')) {
        const style = getComputedStyle(mark)
        const text = (mark.textContent ?? '').trim()
        if (style.textDecorationLine.includes('line-through')) struck.push(text)
        if (style.textDecorationLine.includes('underline') && Number(style.fontWeight) >= 700)
          boldUnderlined.push(text)
      }
      return { struck, boldUnderlined }
    })
  }

  /** Whether `locator` is wholly inside the window, below the sticky header and toolbar. */
  async isInView(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => {
      const box = element.getBoundingClientRect()
      const toolbar = document.querySelector('.compare-toolbar')?.getBoundingClientRect()
      return box.top >= (toolbar?.bottom ?? 0) && box.bottom <= window.innerHeight
    })
  }
}
