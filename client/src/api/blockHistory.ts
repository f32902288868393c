import { BlockHistory } from '../../../shared/blockHistory.ts'
import { fetchJson } from './fetchJson.ts'

/** A paragraph's proposals and outcomes, and how it read in each revision. */
export const fetchBlockHistory = (negotiationId: string, uid: string): Promise<BlockHistory> =>
  fetchJson(
    `/api/negotiations/${encodeURIComponent(negotiationId)}/blocks/${encodeURIComponent(uid)}/history`,
    BlockHistory,
  )
