import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startTestServer } from './servers/index.ts'
import { BrowserSession } from './browser.ts'

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
