import * as Y from 'yjs'
import { numberLiveDraft } from './liveNumbering.ts'
import {
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  ProposalRef,
  reversalObstacle,
  type ProposalRecord,
  DRAFT_FRAGMENT,
} from '../../shared/draft/index.ts'
import { type PresentedProposal } from '../../shared/proposals.ts'

interface ChangeText {
  inserted: string[]
  deleted: string[]
}

/** The text each proposal inserts and deletes, read off the marks and block attributes. */
export function changesByProposal(doc: Y.Doc): Map<string, ChangeText> {
  const byId = new Map<string, ChangeText>()
  const entry = (value: unknown) => {
    const ref = ProposalRef.safeParse(value)
    if (!ref.success) return null
    let change = byId.get(ref.data.proposalId)
    if (!change) byId.set(ref.data.proposalId, (change = { inserted: [], deleted: [] }))
    return change
  }
  const visit = (
    node: Y.XmlElement | Y.XmlFragment,
    wholeBlock: { ins: ChangeText | null; del: ChangeText | null },
  ) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as {
          insert: unknown
          attributes?: Record<string, unknown>
        }[]) {
          if (typeof op.insert !== 'string') continue
          const attributes = op.attributes ?? {}
          for (const [key, value] of Object.entries(attributes)) {
            if (key === INSERTION_MARK) entry(value)?.inserted.push(op.insert)
            else if (key.startsWith(DELETION_MARK)) entry(value)?.deleted.push(op.insert)
          }
          if (wholeBlock.del && !attributes[INSERTION_MARK]) wholeBlock.del.deleted.push(op.insert)
        }
      } else if (child instanceof Y.XmlElement) {
        visit(child, {
          ins: entry(child.getAttribute(INSERTED_BY_ATTR)) ?? wholeBlock.ins,
          del: entry(child.getAttribute(DELETED_BY_ATTR)) ?? wholeBlock.del,
        })
      }
    }
  }
  visit(doc.getXmlFragment(DRAFT_FRAGMENT), { ins: null, del: null })
  return byId
}

/** A proposal's change as one line each of inserted and deleted text. */
export const presentChange = (change: ChangeText): { inserted: string; deleted: string } => ({
  inserted: change.inserted.join(' … '),
  deleted: change.deleted.join(' … '),
})

/** Records with their place in the draft (objective, paragraph) and the change itself. */
export function presentProposals(
  doc: Y.Doc,
  records: readonly ProposalRecord[],
): PresentedProposal[] {
  const numbering = numberLiveDraft(doc)
  const changes = changesByProposal(doc)
  return records.map((record) => {
    const objective = record.objectiveUid ? numbering.get(record.objectiveUid) : undefined
    const block = record.blockUid ? numbering.get(record.blockUid) : undefined
    const change = changes.get(record.id)
    return {
      ...record,
      objective: objective?.kind === 'objective' ? objective.objective : null,
      blockLabel: block && block.kind !== 'objective' ? block.label : null,
      ...(change
        ? presentChange(change)
        : (record.settledChange ?? {
            inserted: record.alternative?.text ?? '',
            deleted: '',
          })),
      reversalObstacle: reversalObstacle(doc, record.status, record.reversal),
    }
  })
}
