import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { Editor } from '@tiptap/react'
import {
  reversalObstacle,
  type ProposalRecord,
  type ReversalObstacle,
} from '../../../shared/draft/index.ts'
import { numberingKey } from '../numbering/numberingPlugin.ts'
import { refreshWhenIdle } from '../scheduling/refreshWhenIdle.ts'
import { alternativeChanges } from './alternativeChanges.ts'
import { proposalChanges, type ProposalChange } from './proposalChanges.ts'
import { readRecords, recordsMap } from './records.ts'

/** A proposal as the panel shows it: the server's record joined with its change in the text. */
export interface ProposalView {
  record: ProposalRecord
  /** The change; for a decided proposal, as it was last seen in the text. */
  change: ProposalChange | null
  /** Whether its marks are in the text now (an accepted one's are not: it is agreed text). */
  isInText: boolean
  /** The current number of its objective, if it is in one. */
  objective: number | null
  objectiveUid: string | null
  /** Why its decision cannot be reverted now (the server's rule), or null if it can. */
  reversalObstacle: ReversalObstacle | null
}

// Records and text change at keystroke rate; the panel need not follow faster than this.
const REFRESH_MS = 150

/** The objective numbers by uid, from the numbered blocks. */
export function objectiveNumbers(editor: Editor): Map<string, number> {
  const numbers = new Map<string, number>()
  for (const { node, number } of numberingKey.getState(editor.state)?.blocks ?? []) {
    const uid: unknown = node.attrs.uid
    if (number?.kind === 'objective' && typeof uid === 'string') numbers.set(uid, number.objective)
  }
  return numbers
}

/**
 * Every proposal of the draft, live: the records the server keeps in the document's
 * `proposals` map, joined with the text of their marks in the editor.
 */
export function useProposals(doc: Y.Doc, editor: Editor): readonly ProposalView[] {
  const [views, setViews] = useState<readonly ProposalView[]>([])

  useEffect(() => {
    const lastSeen = new Map<string, ProposalChange>()
    let cancel: (() => void) | null = null
    const refresh = () => {
      cancel = null
      const blocks = numberingKey.getState(editor.state)?.blocks ?? []
      const changes = proposalChanges(blocks)
      const records = readRecords(doc)
      const alternatives = alternativeChanges(blocks, records)
      const numbers = objectiveNumbers(editor)
      const next = records.map((record): ProposalView => {
        // An open alternative stands beside its paragraph: "in the text" there, until decided.
        const alternative = record.status === 'open' ? alternatives.get(record.id) : undefined
        const current = changes.get(record.id) ?? alternative ?? null
        if (current) lastSeen.set(record.id, current)
        const change = current ?? lastSeen.get(record.id) ?? alternatives.get(record.id) ?? null
        const objectiveUid = record.objectiveUid ?? change?.objectiveUid ?? null
        const objective =
          (objectiveUid !== null ? numbers.get(objectiveUid) : undefined) ??
          change?.objective ??
          null
        return {
          record,
          change,
          isInText: current !== null,
          objective,
          objectiveUid,
          reversalObstacle: reversalObstacle(doc, record.status, record.reversal),
        }
      })
      next.sort(
        (a, b) =>
          (a.change?.pos ?? Infinity) - (b.change?.pos ?? Infinity) ||
          a.record.createdAt.localeCompare(b.record.createdAt),
      )
      setViews(next)
    }
    const schedule = () => {
      cancel ??= refreshWhenIdle(refresh, REFRESH_MS)
    }
    const handleTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) schedule()
    }
    refresh()
    const records = recordsMap(doc)
    records.observe(schedule)
    editor.on('transaction', handleTransaction)
    return () => {
      cancel?.()
      records.unobserve(schedule)
      editor.off('transaction', handleTransaction)
    }
  }, [doc, editor])

  return views
}

/** The number of open proposals in the text, by objective uid, for the outline. */
export function openCountsByObjective(views: readonly ProposalView[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const { record, isInText, objectiveUid } of views) {
    if (record.status !== 'open' || !isInText || objectiveUid === null) continue
    counts.set(objectiveUid, (counts.get(objectiveUid) ?? 0) + 1)
  }
  return counts
}
