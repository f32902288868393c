import type { Locator, Page } from 'playwright-core'
import type { SilenceStatus } from '../../shared/silence/silenceSchema.ts'

/** How long the room may take to show what the server did (a start, a break, an adoption). */
const UI_TIMEOUT_MS = 15_000

/**
 * The silence procedure as one user sees it in the room: the banner, its countdown, and the
 * dialogs a co-facilitator or a delegation fills in (client/src/silence/).
 */
export class SilencePanel {
  constructor(readonly page: Page) {}

  get banner(): Locator {
    return this.page.getByTestId('silence-banner')
  }

  get countdown(): Locator {
    return this.page.getByTestId('silence-countdown')
  }

  /** Waits until the banner shows the procedure in `status`. */
  async waitFor(status: SilenceStatus): Promise<void> {
    await this.page
      .locator(`[data-testid="silence-banner"][data-status="${status}"]`)
      .waitFor({ timeout: UI_TIMEOUT_MS })
  }

  /** The seconds the countdown shows as left. */
  async remainingSeconds(): Promise<number> {
    return Number(await this.countdown.getAttribute('data-remaining-seconds'))
  }

  /** A co-facilitator opens the start dialog; returns its fields. */
  async openStartDialog() {
    await this.page.getByTestId('silence-start').click()
    await this.page.getByTestId('silence-start-dialog').waitFor()
    const field = (id: string) => this.page.getByTestId(id)
    return {
      revision: field('silence-revision'),
      date: field('silence-date'),
      time: field('silence-time'),
      timeZone: field('silence-timezone'),
      note: field('silence-note'),
      preview: field('silence-deadline-preview'),
      submit: field('silence-submit'),
    }
  }

  /** A delegation breaks silence with `statement`, through the dialog and its confirmation. */
  async breakSilence(statement: string): Promise<void> {
    await this.page.getByTestId('silence-break').click()
    await this.page.getByTestId('silence-statement').fill(statement)
    await this.page.getByTestId('silence-break-submit').click()
    await this.page.getByTestId('silence-break-confirm').click()
    await this.page.getByTestId('silence-break-dialog').waitFor({ state: 'detached' })
  }
}
