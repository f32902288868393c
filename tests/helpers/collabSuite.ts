import { afterAll, afterEach, beforeAll } from 'vitest'
import { ApiClient } from './accounts.ts'
import { startTestServer } from './servers/index.ts'
import { clientsOf } from './yClients.ts'

/** A suite's server, its users signed in over HTTP, and their stock y-websocket clients. */
export interface CollabSuite<User extends string> {
  readonly server: Awaited<ReturnType<typeof startTestServer>>
  readonly api: Record<User, ApiClient>
  readonly clients: ReturnType<typeof clientsOf>
}

/** What a suite may add to the shared set-up. */
export interface CollabSuiteOptions {
  /** The server's options (e.g. raised per-user limits). */
  server?: Parameters<typeof startTestServer>[0]
  /** Runs after each test, before its clients close (e.g. checking what is stored). */
  afterEachTest?: (server: CollabSuite<string>['server']) => Promise<void>
  /** Runs once every user is signed in (e.g. a proposal the whole suite comments on). */
  afterStart?: () => Promise<void>
}

/**
 * Registers the hooks most collaboration suites repeat: a server on port 0 before all, each
 * user signed in with an API token, clients closed after each test, the server after all.
 */
export function collabSuite<User extends string>(
  negotiationId: string,
  users: readonly User[],
  options: CollabSuiteOptions = {},
): CollabSuite<User> {
  let server: CollabSuite<User>['server'] | undefined
  const api = {} as Record<User, ApiClient>
  const tokens: Record<string, string> = {}
  const clients = clientsOf(() => started().url, negotiationId, tokens)
  const started = () => {
    if (!server) throw new Error('the suite has not started')
    return server
  }
  beforeAll(async () => {
    server = await startTestServer(options.server)
    for (const name of users) {
      api[name] = await ApiClient.signedIn(server.url, name)
      tokens[name] = await api[name].createToken()
    }
    await options.afterStart?.()
  })
  afterEach(async () => {
    try {
      await options.afterEachTest?.(started())
    } finally {
      clients.closeAll()
    }
  })
  afterAll(() => server?.close())
  return {
    get server() {
      return started()
    },
    api,
    clients,
  }
}
