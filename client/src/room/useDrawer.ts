import { useCallback, useRef, useState } from 'react'
import { useFocusTrap } from '../focus/useFocusTrap.ts'

/** The side panels that become drawers when the screen is too narrow to show them beside the text. */
export type Drawer = 'outline' | 'proposals'

// CSS decides what is a drawer (workspace.css): a panel is one when it is laid over the text.
const isDrawer = (panel: HTMLElement) => getComputedStyle(panel).position === 'fixed'

/**
 * Which drawer is open (one at a time), and the refs of the two panels. An open drawer holds
 * the keyboard: focus moves into it, Tab stays in it, Escape closes it and gives the focus back
 * to its toggle. On wide screens the panels are columns and the state has no effect.
 */
export function useDrawer() {
  const [open, setOpen] = useState<Drawer | null>(null)
  const toggle = useCallback(
    (drawer: Drawer) => setOpen((current) => (current === drawer ? null : drawer)),
    [],
  )
  const close = useCallback(() => setOpen(null), [])
  const outlineRef = useRef<HTMLElement>(null)
  const proposalsRef = useRef<HTMLElement>(null)
  useFocusTrap(outlineRef, { isActive: open === 'outline', onEscape: close, isModal: isDrawer })
  useFocusTrap(proposalsRef, { isActive: open === 'proposals', onEscape: close, isModal: isDrawer })
  return { open, toggle, close, outlineRef, proposalsRef }
}
