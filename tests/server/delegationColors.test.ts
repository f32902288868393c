import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CO_FACILITATORS_COLOR, DELEGATION_PALETTE } from '../../shared/presence.ts'
import { ApiClient, delegationColorsOf } from '../helpers/accounts.ts'
import { startTestServer } from '../helpers/servers/index.ts'

const NID = 'pacte-mondial'
const DEMO_DELEGATIONS = ['BRA', 'DEU', 'EGY', 'FRA', 'MAR', 'PHL']

describe('delegation colours in a negotiation', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let secretariat: ApiClient

  beforeAll(async () => {
    server = await startTestServer()
    secretariat = await ApiClient.signedIn(server.url, 'secretariat')
  })
  afterAll(() => server.close())

  it('gives each delegation seated a colour of its own, the co-facilitators theirs', async () => {
    const colors = await delegationColorsOf(secretariat, NID)
    expect([...colors.keys()].sort()).toEqual(DEMO_DELEGATIONS)
    // Brazil and Egypt, Morocco and the Philippines shared one when colours came from a hash.
    expect(new Set(colors.values()).size).toBe(DEMO_DELEGATIONS.length)
    for (const color of colors.values()) expect(DELEGATION_PALETTE).toContain(color)
    const { body } = await secretariat.json<{ coFacilitators: { color: string }[] }>(
      'GET',
      `/api/negotiations/${NID}`,
    )
    expect(body.coFacilitators.map(({ color }) => color)).toEqual([
      CO_FACILITATORS_COLOR,
      CO_FACILITATORS_COLOR,
    ])
  })

  it('keeps every colour when a delegation joins, which takes a new one', async () => {
    const before = await delegationColorsOf(secretariat, NID)
    const created = await secretariat.json('POST', '/api/delegations', {
      code: 'ARG',
      nameFr: 'Argentine',
      nameEn: 'Argentina',
    })
    expect(created.status).toBe(201)
    for (const code of ['ARG', 'FRA']) {
      const seated = await secretariat.request('POST', `/api/negotiations/${NID}/delegations`, {
        code,
      })
      expect(seated.status).toBe(204)
    }
    const after = await delegationColorsOf(secretariat, NID)
    for (const [code, color] of before) expect(after.get(code)).toBe(color)
    expect(after.get('ARG')).toMatch(/^#[0-9a-f]{6}$/)
    expect(new Set(after.values()).size).toBe(DEMO_DELEGATIONS.length + 1)
    // A delegate sees the same colours as the secretariat.
    const fra = await ApiClient.signedIn(server.url, 'fra')
    expect(await delegationColorsOf(fra, NID)).toEqual(after)
  })
})
