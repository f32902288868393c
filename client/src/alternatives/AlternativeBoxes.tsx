import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import type { Editor } from '@tiptap/react'
import type { ProposalRights } from '../proposals/proposer.ts'
import type { ProposalView } from '../proposals/useProposals.ts'
import { AlternativeBox } from './AlternativeBox.tsx'
import { AlternativeSlots, alternativeSlotsKey } from './alternativeSlots.ts'
import './alternatives.css'

/**
 * The open alternatives of the draft, each under its paragraph or action, beside the text
 * rather than in it: the editor draws a slot after the paragraph (a widget), React draws the
 * boxes in it.
 */
export function AlternativeBoxes(props: {
  editor: Editor
  views: readonly ProposalView[]
  rights: ProposalRights
  negotiationId: string
}) {
  const { editor, views } = props
  const slots = useMemo(() => new AlternativeSlots(), [])
  useEffect(() => {
    editor.registerPlugin(slots.plugin())
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(alternativeSlotsKey)
    }
  }, [editor, slots])

  const byBlock = new Map<string, ProposalView[]>()
  for (const view of views) {
    const { record } = view
    if (record.status !== 'open' || !record.alternative || !record.blockUid) continue
    byBlock.set(record.blockUid, [...(byBlock.get(record.blockUid) ?? []), view])
  }
  const uids = [...byBlock.keys()].sort().join(' ')
  useEffect(() => {
    if (editor.isDestroyed) return
    const wanted = new Set(uids.split(' ').filter(Boolean))
    editor.view.dispatch(
      editor.state.tr.setMeta(alternativeSlotsKey, wanted).setMeta('addToHistory', false),
    )
  }, [editor, slots, uids])

  const elements = useSyncExternalStore(slots.subscribe, slots.current)
  return (
    <>
      {[...byBlock].map(([uid, alternatives]) => {
        const element = elements.get(uid)
        if (!element) return null
        return createPortal(
          alternatives.map((view) => (
            <AlternativeBox
              key={view.record.id}
              view={view}
              rights={props.rights}
              negotiationId={props.negotiationId}
            />
          )),
          element,
          uid,
        )
      })}
    </>
  )
}
