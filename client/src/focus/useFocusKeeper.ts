import { useEffect, useRef, type RefObject } from 'react'
import { focusablesIn } from './focusables.ts'

/**
 * Keeps the keyboard's place in a list whose items go away under it: accepting a proposal
 * takes it out of the list of open ones, and its button with it, which would drop the focus
 * to the page's <body> (and a keyboard user back to the top of the page). The focus goes to
 * the item now at the same place, or to the list's heading when none is left.
 */
export function useFocusKeeper(
  ref: RefObject<HTMLElement | null>,
  { item, heading }: { item: string; heading: string },
): void {
  const lastFocus = useRef<{ element: Element; index: number } | null>(null)

  useEffect(() => {
    const container = ref.current
    if (!container) return
    const items = () => [...container.querySelectorAll<HTMLElement>(item)]
    // Listened to on the document: focus gone elsewhere (into the text) is no longer the list's.
    const handleFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof Element) || !container.contains(event.target)) {
        lastFocus.current = null
        return
      }
      const holder = event.target.closest<HTMLElement>(item)
      lastFocus.current = { element: event.target, index: holder ? items().indexOf(holder) : -1 }
    }
    // The item goes when the server's decision comes back through the document, some renders
    // after the key press: watch the list itself rather than a render.
    const observer = new MutationObserver(() => {
      const lost = lastFocus.current
      if (!lost || lost.element.isConnected) return
      lastFocus.current = null
      const active = document.activeElement
      if (active !== null && active !== document.body) return
      const remaining = items()
      const next =
        lost.index < 0 ? undefined : remaining[Math.min(lost.index, remaining.length - 1)]
      const target =
        (next && focusablesIn(next)[0]) ?? container.querySelector<HTMLElement>(heading)
      if (!target) return
      if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1
      target.focus()
    })
    document.addEventListener('focusin', handleFocusIn)
    observer.observe(container, { childList: true, subtree: true })
    return () => {
      document.removeEventListener('focusin', handleFocusIn)
      observer.disconnect()
    }
  }, [ref, item, heading])
}
