import { useCallback, useEffect, useState } from 'react'

/** The side panels that become drawers when the screen is too narrow to show them beside the text. */
export type Drawer = 'outline' | 'proposals'

/**
 * Which drawer is open (one at a time). Escape closes it. On wide screens the panels are
 * columns and the state has no effect: CSS decides what is a drawer (workspace.css).
 */
export function useDrawer() {
  const [open, setOpen] = useState<Drawer | null>(null)
  const toggle = useCallback(
    (drawer: Drawer) => setOpen((current) => (current === drawer ? null : drawer)),
    [],
  )
  const close = useCallback(() => setOpen(null), [])
  useEffect(() => {
    if (open === null) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  return { open, toggle, close }
}
