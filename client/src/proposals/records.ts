import type * as Y from 'yjs'
import { PROPOSALS_MAP, ProposalRecord, type RecordLookup } from '../../../shared/draft/index.ts'

// Records are replaced whole by the server, so a parsed record stays valid as long as the
// object it was parsed from: parse each one once, however often the panel redraws.
const parsed = new WeakMap<object, ProposalRecord | null>()

/** A record as the server wrote it in the `proposals` map, or null if it is not one. */
export function parseRecord(value: unknown): ProposalRecord | null {
  if (typeof value !== 'object' || value === null) return null
  let record = parsed.get(value)
  if (record === undefined) {
    const result = ProposalRecord.safeParse(value)
    record = result.success ? result.data : null
    parsed.set(value, record)
  }
  return record
}

/** The live map of proposal records in a draft's document (written by the server only). */
export const recordsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(PROPOSALS_MAP)

/** Every record of the document. */
export function readRecords(doc: Y.Doc): ProposalRecord[] {
  const records: ProposalRecord[] = []
  for (const value of recordsMap(doc).values()) {
    const record = parseRecord(value)
    if (record) records.push(record)
  }
  return records
}

/** Looks records up by id, for the suggesting mode. */
export const recordLookup =
  (doc: Y.Doc): RecordLookup<ProposalRecord> =>
  (proposalId) =>
    parseRecord(recordsMap(doc).get(proposalId)) ?? undefined
