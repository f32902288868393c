import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Editor } from '@tiptap/react'
import { ProposalItem } from './ProposalItem.tsx'
import type { ProposalRights } from './proposer.ts'
import { proposerName } from './proposerName.ts'
import { proposalAt, proposalAtCaret } from './useProposalAtCaret.ts'
import type { ProposalView } from './useProposals.ts'
import { useProposalMessages } from './useProposalMessages.ts'

interface ChangeCardProps {
  editor: Editor
  views: readonly ProposalView[]
  rights: ProposalRights
  negotiationId: string
  onGoTo: (proposalId: string) => void
}

/** Space between the line of the change and the card, and between the card and the window. */
const GAP = 6
const MARGIN = 8

/**
 * The card of a proposed change, beside it in the text (issue 14, "decide at the change"):
 * a click in the change opens it, Alt+Enter opens it from the keyboard and moves focus into
 * it, Escape closes it; Tab from the text reaches it too (it follows the editor in the page).
 * It is the panel's own card (ProposalItem): who proposed, when, rationale, supporters,
 * comments and the actions the user may take. Placed with plain DOM measurements (the
 * change's coordinates from ProseMirror), below the line, or above it near the window's end.
 */
export function ChangeCard({ editor, views, rights, negotiationId, onGoTo }: ChangeCardProps) {
  const t = useProposalMessages()
  const [openId, setOpenId] = useState<string | null>(null)
  const [isFocusWanted, setIsFocusWanted] = useState(false)
  const cardRef = useRef<HTMLDivElement>(null)
  const view = openId
    ? views.find((candidate) => candidate.record.id === openId && candidate.isInText)
    : undefined
  const anchor = view?.change?.pos ?? null

  useEffect(() => {
    // Listened to on the document: the editor's own element is made when it mounts.
    const isInEditor = (event: Event) =>
      !editor.isDestroyed && event.target instanceof Node && editor.view.dom.contains(event.target)
    // A click opens the card of the change under it. Read from where it landed: the editor
    // reads the browser's new selection only on its next `selectionchange`, after the click.
    const handleClick = (event: MouseEvent) => {
      if (!isInEditor(event)) return
      const at = editor.view.posAtCoords({ left: event.clientX, top: event.clientY })
      setOpenId(at ? proposalAt(editor.state.doc.resolve(at.pos)) : null)
    }
    // The caret leaving the change closes its card.
    const handleSelection = () => {
      const id = proposalAtCaret(editor)
      setOpenId((current) => (current !== null && current === id ? current : null))
    }
    const handleKeyDown = (event: KeyboardEvent) => {
      if (!isInEditor(event)) return
      if (event.key === 'Enter' && event.altKey) {
        const id = proposalAtCaret(editor)
        if (!id) return
        event.preventDefault()
        event.stopPropagation()
        setOpenId(id)
        setIsFocusWanted(true)
      } else if (event.key === 'Escape') {
        setOpenId(null)
      }
    }
    document.addEventListener('click', handleClick)
    // Capture: before the editor's keymap, which would take Alt+Enter as Enter.
    document.addEventListener('keydown', handleKeyDown, true)
    editor.on('selectionUpdate', handleSelection)
    return () => {
      document.removeEventListener('click', handleClick)
      document.removeEventListener('keydown', handleKeyDown, true)
      editor.off('selectionUpdate', handleSelection)
    }
  }, [editor])

  const place = useCallback(() => {
    const card = cardRef.current
    if (!card || anchor === null || editor.isDestroyed) return
    const at = Math.max(0, Math.min(anchor, editor.state.doc.content.size))
    const coords = editor.view.coordsAtPos(at)
    const { offsetWidth: width, offsetHeight: height } = card
    const below = coords.bottom + GAP
    const above = coords.top - GAP - height
    const isAbove = below + height > window.innerHeight - MARGIN && above > MARGIN
    const left = Math.min(Math.max(coords.left - 16, MARGIN), window.innerWidth - width - MARGIN)
    card.style.top = `${isAbove ? above : below}px`
    card.style.left = `${Math.max(left, MARGIN)}px`
    card.dataset.side = isAbove ? 'above' : 'below'
  }, [anchor, editor])

  useLayoutEffect(() => {
    const card = cardRef.current
    if (!card) return
    place()
    // The page scrolls under a fixed card; a comment form makes it taller.
    window.addEventListener('scroll', place, true)
    window.addEventListener('resize', place)
    const resizes = new ResizeObserver(place)
    resizes.observe(card)
    return () => {
      window.removeEventListener('scroll', place, true)
      window.removeEventListener('resize', place)
      resizes.disconnect()
    }
  }, [place, view])

  useEffect(() => {
    if (!isFocusWanted || !view) return
    setIsFocusWanted(false)
    cardRef.current?.querySelector<HTMLElement>('.proposal-actions button, button')?.focus()
  }, [isFocusWanted, view])

  // A card that goes (decided, withdrawn, closed) while it holds the focus gives it back.
  const hadFocus = useRef(false)
  useEffect(() => {
    if (view || !hadFocus.current) return
    hadFocus.current = false
    const active = document.activeElement
    if (active === null || active === document.body) editor.commands.focus()
  }, [view, editor])

  if (!view) return null
  const close = () => {
    setOpenId(null)
    editor.commands.focus()
  }
  return (
    <div
      ref={cardRef}
      className="change-card"
      role="dialog"
      aria-label={t.changeCardLabel(proposerName(view.record.delegation, t))}
      data-testid="change-card"
      data-proposal-id={view.record.id}
      onFocus={() => {
        hadFocus.current = true
      }}
      onBlur={(event) => {
        // No related target: the focused button was removed (Accept, once decided), which
        // Chromium reports as a blur; the card still owes the focus back.
        const to = event.relatedTarget
        if (to !== null && !event.currentTarget.contains(to)) hadFocus.current = false
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.stopPropagation()
        close()
      }}
    >
      <button
        type="button"
        className="change-card-close"
        data-testid="change-card-close"
        aria-label={t.closeCard}
        title={t.closeCard}
        onClick={close}
      >
        ×
      </button>
      <ul className="proposals-list">
        <ProposalItem view={view} rights={rights} negotiationId={negotiationId} onGoTo={onGoTo} />
      </ul>
      <p className="change-card-hint">{t.changeCardHint}</p>
    </div>
  )
}
