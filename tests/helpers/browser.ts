import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { beforeEach } from 'vitest'
import { DraftPage, recordCspViolations } from './DraftPage.ts'

/** Debian's Chromium: playwright-core drives it, no browser is downloaded (ensureChromium.mjs). */
export const CHROMIUM_PATH = '/usr/bin/chromium'

// No sandbox: CI runs as root in a container. The rest keeps Chromium from calling home, which
// would slow start-up and add noise to traces.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const ACTION_TIMEOUT_MS = 15_000

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where traces and screenshots of failed browser tests go (git-ignored). */
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results')

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)

interface OpenPage {
  context: BrowserContext
  draftPage: DraftPage
}

/**
 * One browser for a test file and a page object per user, each user in its own context (own
 * storage, own identity), every context traced. On failure, `recordFailure` screenshots every
 * page and `closeAll` keeps the traces in `test-results/<name>/` (open them with
 * `npx playwright-core show-trace <zip>`); otherwise nothing is written.
 */
export class BrowserSession {
  readonly #pages: OpenPage[] = []
  #hasFailed = false
  #closing: Promise<void> | null = null

  private constructor(
    readonly browser: Browser,
    readonly name: string,
  ) {}

  /** Launches Chromium; clears what an earlier run of `name` left in `test-results/`. */
  static async launch(name: string): Promise<BrowserSession> {
    const session = new BrowserSession(await launchChromium(), slug(name))
    fs.rmSync(session.artifactsDir, { recursive: true, force: true })
    return session
  }

  get artifactsDir(): string {
    return path.join(TEST_RESULTS_DIR, this.name)
  }

  /**
   * A new user: a fresh context (French UI, New York time, as at UN headquarters, unless the
   * user's device is set to another `timezoneId`) and page.
   */
  /** A new page of the app at `baseUrl`, signed in as `username` (demo password). */
  async signedInPage(
    baseUrl: string,
    username: string,
    options: { timezoneId?: string } = {},
  ): Promise<DraftPage> {
    const page = await this.newDraftPage(username, options)
    await page.open(baseUrl)
    await page.signIn(username)
    return page
  }

  async newDraftPage(
    label: string,
    { timezoneId = 'America/New_York' }: { timezoneId?: string } = {},
  ): Promise<DraftPage> {
    const context = await this.browser.newContext({
      locale: 'fr-FR',
      timezoneId,
      viewport: { width: 1280, height: 900 },
    })
    // Fail an action well before the test's own timeout, so the error names the action.
    context.setDefaultTimeout(ACTION_TIMEOUT_MS)
    await context.addInitScript(recordCspViolations)
    await context.tracing.start({ title: label, screenshots: true, snapshots: true })
    const draftPage = new DraftPage(await context.newPage(), slug(label))
    this.#pages.push({ context, draftPage })
    return draftPage
  }

  /** Screenshots every open page now, named after what failed, and keeps the traces. */
  async recordFailure(what: string): Promise<void> {
    this.#hasFailed = true
    fs.mkdirSync(this.artifactsDir, { recursive: true })
    await Promise.all(
      this.#pages.map(({ draftPage }) =>
        draftPage.page
          .screenshot({
            path: path.join(this.artifactsDir, `${slug(what)}-${draftPage.label}.png`),
          })
          // A page that crashed or closed has nothing to show; the trace still has its history.
          .catch(() => undefined),
      ),
    )
  }

  /**
   * Runs a setup step, recording the pages if it fails: a failed `beforeAll` runs no test, so
   * no `onTestFailed` hook would.
   */
  async step<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run()
    } catch (error) {
      await this.recordFailure(what)
      throw error
    }
  }

  /** Closes every context and the browser; saves the traces if anything failed. Idempotent. */
  async closeAll(): Promise<void> {
    this.#closing ??= (async () => {
      for (const { context, draftPage } of this.#pages) {
        const trace = path.join(this.artifactsDir, `${draftPage.label}-trace.zip`)
        await context.tracing.stop(this.#hasFailed ? { path: trace } : {}).catch(() => undefined)
        await context.close().catch(() => undefined)
      }
      await this.browser.close()
    })()
    return this.#closing
  }
}

/**
 * Registers the hook that records a failing test's pages (screenshots now, traces on close).
 * Pass a getter: the session is usually created later, in `beforeAll`.
 */
export function recordFailures(session: () => BrowserSession | undefined): void {
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      await session()?.recordFailure(task.name)
    })
  })
}
