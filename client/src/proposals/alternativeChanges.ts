import type { ProposalRecord } from '../../../shared/draft/index.ts'
import type { NumberedBlock } from '../numbering/numberingPlugin.ts'
import type { ProposalChange } from './proposalChanges.ts'

/**
 * Where each alternative stands: not in the text (an Alt is shown beside its paragraph), so its
 * place is its paragraph's, found by uid in the numbered blocks; its change is its wording.
 * Alternatives whose paragraph is gone have none.
 */
export function alternativeChanges(
  blocks: readonly NumberedBlock[],
  records: readonly ProposalRecord[],
): Map<string, ProposalChange> {
  const changes = new Map<string, ProposalChange>()
  const wanted = new Set<string>()
  for (const record of records)
    if (record.alternative && record.blockUid) wanted.add(record.blockUid)
  if (wanted.size === 0) return changes
  const places = new Map<string, Omit<ProposalChange, 'inserted'>>()
  let objective: { number: number; uid: string | null } | null = null
  for (const { node, pos, number } of blocks) {
    if (node.type.name === 'section') objective = null
    const uid: unknown = node.attrs.uid
    if (number?.kind === 'objective') {
      objective = { number: number.objective, uid: typeof uid === 'string' ? uid : null }
    }
    if (typeof uid !== 'string' || !wanted.has(uid)) continue
    places.set(uid, {
      deleted: [],
      block: null,
      pos,
      objective: objective?.number ?? null,
      objectiveUid: objective?.uid ?? null,
      blockLabel: number && number.kind !== 'objective' ? number.label : null,
      context: { before: '', after: '' },
    })
  }
  for (const record of records) {
    const place = record.alternative && record.blockUid ? places.get(record.blockUid) : undefined
    if (place && record.alternative) {
      changes.set(record.id, { ...place, inserted: [record.alternative.text] })
    }
  }
  return changes
}
