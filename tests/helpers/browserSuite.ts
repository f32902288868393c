import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startTestServer } from './servers/index.ts'
import { afterAll, beforeAll } from 'vitest'
import { BrowserSession, recordFailures } from './browser.ts'
import type { DraftPage } from './DraftPage.ts'

const BUILT_CLIENT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/client/index.html',
)

export type TestServer = Awaited<ReturnType<typeof startTestServer>>

/**
 * What every browser test starts with: the built client (`npm test` builds it first), a server
 * on port 0 with a fresh demo, and a Chromium session named for the test's traces.
 */
export async function startBrowserSuite(
  name: string,
): Promise<{ server: TestServer; session: BrowserSession }> {
  if (!fs.existsSync(BUILT_CLIENT)) {
    throw new Error(`${BUILT_CLIENT} is missing: build the client first (npx vite build)`)
  }
  const server = await startTestServer({ host: '127.0.0.1' })
  const session = await BrowserSession.launch(name)
  return { server, session }
}

/** A delegation (FRA) and a co-facilitator (CHE) in the room, as most two-user suites need. */
export interface RoomOfTwo {
  server: TestServer
  session: BrowserSession
  fra: DraftPage
  che: DraftPage
}

/**
 * Registers a browser suite where France and Switzerland share the room: before all, the server
 * and both pages signed in and connected, handed to `opened`; a trace of each failed test;
 * everything closed after all.
 */
export function roomOfTwo(name: string, opened: (room: RoomOfTwo) => void | Promise<void>): void {
  let server: TestServer | undefined
  let session: BrowserSession | undefined
  beforeAll(async () => {
    ;({ server, session } = await startBrowserSuite(name))
    const started = { server, session }
    await session.step('open the room', async () => {
      const fra = await started.session.signedInPage(started.server.url, 'fra')
      const che = await started.session.signedInPage(started.server.url, 'che')
      await fra.waitConnected()
      await che.waitConnected()
      await opened({ ...started, fra, che })
    })
  })
  recordFailures(() => session)
  afterAll(async () => {
    await session?.closeAll()
    await server?.close()
  })
}

/**
 * Screenshots of `page` at the three widths the room is designed for, into `dir` (when set: the
 * suites take them on demand), named by `fileName(width)`; `frame` scrolls to what is shown.
 */
export async function screenshotAtWidths(
  page: DraftPage,
  dir: string | undefined,
  fileName: (width: number) => string,
  frame: () => Promise<void> = async () => {},
): Promise<void> {
  if (!dir) return
  fs.mkdirSync(dir, { recursive: true })
  for (const width of [1024, 1280, 1440]) {
    await page.page.setViewportSize({ width, height: 900 })
    await frame()
    await page.page.screenshot({ path: path.join(dir, fileName(width)) })
  }
  await page.page.setViewportSize({ width: 1280, height: 900 })
}
