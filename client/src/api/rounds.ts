import { Round, RoundList, type RoundKind } from '../../../shared/rounds.ts'
import { fetchJson, sendJson } from './fetchJson.ts'

const roundsUrl = (negotiationId: string): string =>
  `/api/negotiations/${encodeURIComponent(negotiationId)}/rounds`

/** The negotiation's rounds, oldest first, and which is current. */
export const fetchRounds = (negotiationId: string): Promise<RoundList> =>
  fetchJson(roundsUrl(negotiationId), RoundList)

export interface RoundFields {
  kind: RoundKind
  name: string
  startsOn: string
  endsOn: string | null
}

/** Opens a round (co-facilitators). */
export const createRound = (negotiationId: string, fields: RoundFields): Promise<Round> =>
  sendJson('POST', roundsUrl(negotiationId), fields, Round)

/** Renames a round or changes its dates (co-facilitators). */
export const updateRound = (
  negotiationId: string,
  roundId: string,
  fields: Partial<RoundFields>,
): Promise<Round> =>
  sendJson('PUT', `${roundsUrl(negotiationId)}/${encodeURIComponent(roundId)}`, fields, Round)
