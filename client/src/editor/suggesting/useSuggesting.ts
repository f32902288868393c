import { useEffect, useMemo, useRef } from 'react'
import type { Editor, Extensions } from '@tiptap/react'
import type { CollabSession } from '../../collab/CollabSession.ts'
import type { ProposalMessages } from '../../proposals/messages.ts'
import { proposerName } from '../../proposals/proposerName.ts'
import { recordLookup, recordsMap } from '../../proposals/records.ts'
import { useProposalMessages } from '../../proposals/useProposalMessages.ts'
import { ProposalDecorations, type ProposalLabels } from './proposalDecorations.ts'
import { SuggestingMode } from './SuggestingMode.ts'
import type { SuggestingRefusal } from '../../proposals/suggestingRefusal.ts'

/** The same refusal is not repeated in a toast more often than this (say, Enter held down). */
const REFUSAL_QUIET_MS = 3_000

const labelsOf = (t: ProposalMessages): ProposalLabels => ({
  proposalOf: (delegation) => t.proposalOf(proposerName(delegation, t)),
  deletionOf: (delegation) => t.deletionOf(proposerName(delegation, t)),
  status: t.status,
  by: t.by,
  coFacilitatorsEdits: t.coFacilitators,
})

/**
 * The editor extensions of proposals for a session's draft: the suggesting mode (reading the
 * records in the session's document, telling the user in a toast what it cannot do) and the
 * labels and tooltips of proposals in the text.
 */
export function useSuggestingExtensions(session: CollabSession): Extensions {
  const t = useProposalMessages()
  const messages = useRef(t)
  useEffect(() => {
    messages.current = t
  }, [t])

  return useMemo(() => {
    let lastRefusal = { refusal: '', at: 0 }
    const handleRefusal = (refusal: SuggestingRefusal) => {
      const now = Date.now()
      if (lastRefusal.refusal === refusal && now - lastRefusal.at < REFUSAL_QUIET_MS) return
      lastRefusal = { refusal, at: now }
      session.notices.emit({
        code: `suggesting_${refusal}`,
        message: messages.current.refusals[refusal],
      })
    }
    return [
      SuggestingMode.configure({ records: recordLookup(session.doc), onRefusal: handleRefusal }),
      ProposalDecorations.configure({
        records: recordLookup(session.doc),
        recordsMap: recordsMap(session.doc),
        labels: labelsOf(messages.current),
      }),
    ]
  }, [session])
}

/** Keeps the suggesting mode told who the user proposes as, and its labels in the UI language. */
export function useSuggestingMode(
  editor: Editor,
  proposer: string | null,
  mayEditDirectly: boolean,
): void {
  const t = useProposalMessages()
  useEffect(() => {
    editor.commands.setProposer(proposer, mayEditDirectly)
  }, [editor, proposer, mayEditDirectly])
  useEffect(() => {
    editor.commands.setProposalLabels(labelsOf(t))
  }, [editor, t])
}
