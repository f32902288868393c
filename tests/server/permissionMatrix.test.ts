import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COLLAB_PATH, draftRoomName } from '../../shared/collabProtocol.ts'
import { ApiClient } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'
import { connectWithToken, eventually, firstParagraph, tryUpgrade } from '../helpers/yClients.ts'

/**
 * DESIGN.md section 1 on the server: every role against every action that exists so far, over
 * HTTP and over the WebSocket. `stranger` is signed in but has no role in the negotiation.
 */
const ACTORS = ['anonymous', 'stranger', 'secretariat', 'che', 'fra', 'iom'] as const
type ActorName = (typeof ACTORS)[number]
const NID = 'pacte-mondial'

/** A round made by a co-facilitator before the cases run, for the renaming case. */
const matrixRound = { id: '' }

let sequence = 0
const unique = (prefix: string) => `${prefix}${++sequence}`

interface HttpCase {
  action: string
  request: (ctx: { userId: number; proposalId: string }) => {
    method: string
    path: string
    body?: unknown
  }
  expected: Record<ActorName, number>
  /** The delegation whose fresh open proposal the action is tried on. */
  proposalOf?: 'FRA' | 'MAR'
  /** Accepted by a co-facilitator before the action is tried (for reverting). */
  isDecided?: boolean
}

const DECIDE = { anonymous: 401, stranger: 404, secretariat: 403, che: 200, fra: 403, iom: 403 }
const onProposal =
  (action: string, body: unknown = {}) =>
  ({ proposalId }: { proposalId: string }) => ({
    method: 'POST',
    path: `/api/negotiations/${NID}/proposals/${proposalId}/${action}`,
    body,
  })

const READ = { anonymous: 401, stranger: 404, secretariat: 200, che: 200, fra: 200, iom: 200 }
const MANAGE = (ok: number) => ({
  anonymous: 401,
  stranger: 403,
  secretariat: ok,
  che: 403,
  fra: 403,
  iom: 403,
})

const HTTP_CASES: HttpCase[] = [
  {
    action: 'list proposals',
    request: () => ({ method: 'GET', path: `/api/negotiations/${NID}/proposals` }),
    expected: READ,
  },
  {
    action: 'support a proposal',
    request: onProposal('support'),
    proposalOf: 'MAR',
    expected: { anonymous: 401, stranger: 404, secretariat: 403, che: 403, fra: 200, iom: 403 },
  },
  {
    action: 'withdraw a support',
    request: onProposal('unsupport'),
    proposalOf: 'MAR',
    expected: { anonymous: 401, stranger: 404, secretariat: 403, che: 403, fra: 200, iom: 403 },
  },
  {
    action: 'comment on a proposal',
    request: onProposal('comment', { text: 'Commentaire.' }),
    proposalOf: 'MAR',
    expected: { anonymous: 401, stranger: 404, secretariat: 403, che: 200, fra: 200, iom: 403 },
  },
  {
    action: 'withdraw one’s own proposal',
    request: onProposal('withdraw'),
    proposalOf: 'FRA',
    expected: { anonymous: 401, stranger: 404, secretariat: 403, che: 403, fra: 200, iom: 403 },
  },
  {
    action: 'withdraw another delegation’s proposal',
    request: onProposal('withdraw'),
    proposalOf: 'MAR',
    expected: { anonymous: 401, stranger: 404, secretariat: 403, che: 403, fra: 403, iom: 403 },
  },
  {
    action: 'accept a proposal',
    request: onProposal('accept'),
    proposalOf: 'MAR',
    expected: DECIDE,
  },
  {
    action: 'reject a proposal',
    request: onProposal('reject'),
    proposalOf: 'MAR',
    expected: DECIDE,
  },
  {
    action: 'revert a decision',
    request: onProposal('revert'),
    proposalOf: 'MAR',
    isDecided: true,
    expected: DECIDE,
  },
  {
    action: 'decide proposals in bulk',
    request: () => ({
      method: 'POST',
      path: `/api/negotiations/${NID}/proposals/decide`,
      body: { decision: 'reject', delegation: 'BRA' },
    }),
    expected: DECIDE,
  },
  {
    action: 'propose an alternative to a paragraph',
    request: () => ({
      method: 'POST',
      path: `/api/negotiations/${NID}/blocks/p-12/alternatives`,
      body: { text: unique('Une variante du paragraphe ') },
    }),
    // Delegations only: the co-facilitators write their wording into the text directly.
    expected: { anonymous: 401, stranger: 404, secretariat: 403, che: 403, fra: 201, iom: 403 },
  },
  {
    action: 'read the negotiation',
    request: () => ({ method: 'GET', path: `/api/negotiations/${NID}` }),
    expected: READ,
  },
  {
    action: 'read the draft',
    request: () => ({ method: 'GET', path: `/api/negotiations/${NID}/draft` }),
    expected: READ,
  },
  {
    action: 'list the rounds',
    request: () => ({ method: 'GET', path: `/api/negotiations/${NID}/rounds` }),
    expected: READ,
  },
  {
    action: 'create a round',
    request: () => ({
      method: 'POST',
      path: `/api/negotiations/${NID}/rounds`,
      body: {
        kind: 'informalConsultations',
        name: unique('Consultations '),
        startsOn: '2018-03-01',
      },
    }),
    expected: { anonymous: 401, stranger: 404, secretariat: 403, che: 201, fra: 403, iom: 403 },
  },
  {
    action: 'rename a round',
    request: () => ({
      method: 'PUT',
      path: `/api/negotiations/${NID}/rounds/${matrixRound.id}`,
      body: { name: unique('Première lecture ') },
    }),
    expected: { anonymous: 401, stranger: 404, secretariat: 403, che: 200, fra: 403, iom: 403 },
  },
  {
    action: 'read the audit log',
    request: () => ({ method: 'GET', path: `/api/negotiations/${NID}/audit` }),
    expected: READ,
  },
  {
    action: 'list negotiations',
    request: () => ({ method: 'GET', path: '/api/negotiations' }),
    expected: { anonymous: 401, stranger: 200, secretariat: 200, che: 200, fra: 200, iom: 200 },
  },
  {
    action: 'create a personal API token',
    request: () => ({ method: 'POST', path: '/api/tokens', body: { name: 'matrix' } }),
    expected: { anonymous: 401, stranger: 201, secretariat: 201, che: 201, fra: 201, iom: 201 },
  },
  {
    action: 'list users',
    request: () => ({ method: 'GET', path: '/api/users' }),
    expected: MANAGE(200),
  },
  {
    action: 'create a user',
    request: () => ({
      method: 'POST',
      path: '/api/users',
      body: {
        username: unique('user'),
        displayName: 'X',
        password: 'secret-passphrase-1',
        delegation: 'FRA',
      },
    }),
    expected: MANAGE(201),
  },
  {
    action: 'create a negotiation',
    request: () => ({
      method: 'POST',
      path: '/api/negotiations',
      body: { id: unique('neg-'), title: 'T' },
    }),
    expected: MANAGE(201),
  },
  {
    action: 'create a delegation',
    request: () => ({
      method: 'POST',
      path: '/api/delegations',
      body: { code: 'ITA', nameFr: 'Italie', nameEn: 'Italy' },
    }),
    expected: MANAGE(201),
  },
  {
    action: 'seat a delegation',
    request: () => ({
      method: 'POST',
      path: `/api/negotiations/${NID}/delegations`,
      body: { code: 'FRA' },
    }),
    expected: MANAGE(204),
  },
  {
    action: 'assign a role',
    request: ({ userId }) => ({
      method: 'PUT',
      path: `/api/negotiations/${NID}/roles/${userId}`,
      body: { role: 'observer' },
    }),
    expected: MANAGE(204),
  },
  {
    action: 'reset a password',
    request: ({ userId }) => ({
      method: 'POST',
      path: `/api/users/${userId}/password`,
      body: { password: 'pw-1234567890' },
    }),
    expected: MANAGE(204),
  },
  {
    action: 'deactivate a user',
    request: ({ userId }) => ({ method: 'POST', path: `/api/users/${userId}/deactivate` }),
    expected: MANAGE(204),
  },
]

describe('permission matrix', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  const clients = {} as Record<ActorName, ApiClient>
  const tokens = {} as Record<ActorName, string>
  let secretariat: ApiClient
  let marToken = ''

  beforeAll(async () => {
    // The matrix opens a fresh delegate connection per case and actor (some 40 of Morocco's in a
    // minute), more than the 30 a minute a delegate's budget allows: lift that budget only.
    server = await startTestServer({ writerLimits: { connections: 1_000 } })
    secretariat = await ApiClient.signedIn(server.url, 'secretariat')
    await secretariat.json('POST', '/api/users', {
      username: 'stranger',
      displayName: 'Stranger',
      password: 'secret-passphrase-1',
      delegation: 'DEU',
    })
    marToken = await (await ApiClient.signedIn(server.url, 'mar')).createToken()
    const created = await (
      await ApiClient.signedIn(server.url, 'mex')
    ).json<{ id: string }>('POST', `/api/negotiations/${NID}/rounds`, {
      kind: 'firstReading',
      name: 'Première lecture',
      startsOn: '2018-02-20',
    })
    matrixRound.id = created.body.id
    clients.anonymous = new ApiClient(server.url)
    tokens.anonymous = ''
    for (const name of ACTORS.filter((a) => a !== 'anonymous')) {
      clients[name] = await ApiClient.signedIn(
        server.url,
        name,
        name === 'stranger' ? 'secret-passphrase-1' : 'demo',
      )
      tokens[name] = await clients[name].createToken()
    }
  })
  afterAll(() => server.close())

  // A throwaway user as the subject of each management action, so actions do not interfere.
  const throwawayUser = async () => {
    const { body } = await secretariat.json<{ id: number }>('POST', '/api/users', {
      username: unique('subject'),
      displayName: 'Subject',
      password: 'secret-passphrase-1',
      delegation: 'BRA',
    })
    return body.id
  }

  // A fresh open proposal of a delegation, made over the WebSocket as a delegate would.
  const freshProposal = async (delegation: 'FRA' | 'MAR') => {
    const proposalId = unique('matrix-proposal-')
    const author = connectWithToken({
      baseUrl: server.url,
      negotiationId: NID,
      token: delegation === 'FRA' ? tokens.fra : marToken,
    })
    await author.synced()
    firstParagraph(author.doc).insert(0, `${proposalId} `, {
      insertion: { proposalId, delegation },
    })
    await eventually(() => expect(author.doc.getMap('proposals').has(proposalId)).toBe(true))
    author.destroy()
    return proposalId
  }

  for (const testCase of HTTP_CASES) {
    it(`HTTP: ${testCase.action}`, async () => {
      const outcomes = {} as Record<ActorName, number>
      for (const actor of ACTORS) {
        const proposalId = testCase.proposalOf ? await freshProposal(testCase.proposalOf) : 'none00'
        if (testCase.isDecided) {
          const accepted = await clients.che.json(
            'POST',
            `/api/negotiations/${NID}/proposals/${proposalId}/accept`,
          )
          expect(accepted.status).toBe(200)
        }
        const { method, path, body } = testCase.request({
          userId: await throwawayUser(),
          proposalId,
        })
        outcomes[actor] = (await clients[actor].json(method, path, body)).status
      }
      expect(outcomes).toEqual(testCase.expected)
    })
  }

  it('WebSocket: join the draft room', async () => {
    const url = `${server.url.replace(/^http/, 'ws')}${COLLAB_PATH}/${draftRoomName(NID)}`
    const outcomes = {} as Record<ActorName, string>
    for (const actor of ACTORS) {
      const result = await tryUpgrade(tokens[actor] ? `${url}?access_token=${tokens[actor]}` : url)
      outcomes[actor] =
        'open' in result ? 'open' : 'status' in result ? String(result.status) : 'closed'
      if ('open' in result) result.open.close()
    }
    expect(outcomes).toEqual({
      anonymous: '401',
      stranger: '403',
      secretariat: 'open',
      che: 'open',
      fra: 'open',
      iom: 'open',
    })
  })

  const writeOutcomes = async (
    write: (actor: string, text: ReturnType<typeof firstParagraph>, marker: string) => void,
  ) => {
    const witness = connectWithToken({ baseUrl: server.url, negotiationId: NID, token: tokens.che })
    await witness.synced()
    const outcomes = {} as Record<string, string>
    for (const actor of ['secretariat', 'che', 'fra', 'iom'] as const) {
      const client = connectWithToken({
        baseUrl: server.url,
        negotiationId: NID,
        token: tokens[actor],
        isDraftroomClient: true,
      })
      await client.synced()
      const marker = `[${actor}-${Math.random().toString(36).slice(2, 8)}]`
      write(actor, firstParagraph(client.doc), marker)
      await eventually(() => {
        const reached = firstParagraph(witness.doc).toJSON().includes(marker)
        const refused = client.notices.find((n) => ['read_only', 'refused_change'].includes(n.code))
        expect(reached || refused).toBeTruthy()
        outcomes[actor] = reached ? 'applied' : (refused?.code ?? '')
      })
      client.destroy()
    }
    witness.destroy()
    return outcomes
  }

  it('WebSocket: edit the text directly (untracked)', async () => {
    expect(await writeOutcomes((_actor, text, marker) => text.insert(0, marker))).toEqual({
      secretariat: 'read_only',
      che: 'applied',
      fra: 'refused_change',
      iom: 'read_only',
    })
  })

  it('WebSocket: propose an insertion', async () => {
    const proposer = { secretariat: 'SEC', che: 'co-facilitators', fra: 'FRA', iom: 'IOM' } as const
    const outcomes = await writeOutcomes((actor, text, marker) =>
      text.insert(0, marker, {
        insertion: {
          proposalId: `matrix-${marker.slice(1, -1)}`,
          delegation: proposer[actor as keyof typeof proposer],
        },
      }),
    )
    expect(outcomes).toEqual({
      secretariat: 'read_only',
      che: 'applied',
      fra: 'applied',
      iom: 'read_only',
    })
  })
})
