import { useEffect, useRef, type RefObject } from 'react'
import { focusablesIn } from './focusables.ts'

interface FocusTrapOptions {
  isActive: boolean
  /** Escape while the trap holds the focus (the dialog or drawer closes). */
  onEscape?: () => void
  /**
   * Whether the container is modal right now; asked at each key. A side panel is a drawer only
   * below some width (workspace.css): as a column it traps nothing.
   */
  isModal?: (container: HTMLElement) => boolean
}

// The open traps, innermost last: only the innermost answers keys (a confirmation opened from a
// dialog, a dialog opened from a drawer).
const openTraps: object[] = []

/**
 * Keeps the keyboard inside an open dialog or drawer: focus moves into it when it opens (its
 * first control, unless one of its own already has it, e.g. `autoFocus`), Tab and Shift+Tab go
 * round its controls, Escape closes it, and on close the focus returns to what had it before
 * (the button that opened it) rather than falling to the page's <body>.
 */
export function useFocusTrap(
  ref: RefObject<HTMLElement | null>,
  { isActive, onEscape, isModal = () => true }: FocusTrapOptions,
): void {
  // Read at key time: the handlers change on each render, the trap must not restart.
  const latest = useRef({ onEscape, isModal })
  // Who had the focus before the trap opened, read while rendering: by the time effects run, a
  // control of the dialog may already have taken it (`autoFocus`).
  const opener = useRef<HTMLElement | null>(null)
  const wasActive = useRef(false)
  if (isActive !== wasActive.current) {
    wasActive.current = isActive
    if (isActive && document.activeElement instanceof HTMLElement) {
      opener.current = document.activeElement
    }
  }
  useEffect(() => {
    latest.current = { onEscape, isModal }
  })

  useEffect(() => {
    const container = ref.current
    if (!isActive || !container || !latest.current.isModal(container)) return
    const token = {}
    openTraps.push(token)
    const returnTo = opener.current
    if (!container.contains(document.activeElement)) {
      const first = focusablesIn(container)[0]
      if (first) first.focus()
      else {
        container.tabIndex = -1
        container.focus()
      }
    }

    const handleKeyDown = (event: KeyboardEvent) => {
      if (openTraps.at(-1) !== token || !latest.current.isModal(container)) return
      if (event.key === 'Escape' && latest.current.onEscape) {
        event.preventDefault()
        latest.current.onEscape()
        return
      }
      if (event.key !== 'Tab') return
      const items = focusablesIn(container)
      const first = items[0]
      const last = items.at(-1)
      const active = document.activeElement
      if (!first || !last) {
        event.preventDefault()
        return
      }
      const isInside = active instanceof Node && container.contains(active)
      if (event.shiftKey && (active === first || !isInside)) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && (active === last || !isInside)) {
        event.preventDefault()
        first.focus()
      }
    }
    document.addEventListener('keydown', handleKeyDown)

    return () => {
      document.removeEventListener('keydown', handleKeyDown)
      openTraps.splice(openTraps.indexOf(token), 1)
      // Give the focus back only if closing lost it: a jump from the outline into the text
      // keeps the caret where it landed.
      const active = document.activeElement
      const isLost = active === null || active === document.body || container.contains(active)
      if (isLost && returnTo?.isConnected) returnTo.focus()
    }
  }, [isActive, ref])
}
