import { useLayoutEffect, useRef } from 'react'

/**
 * Keeps `--compare-toolbar-height` on the page up to date with the sticky toolbar's height (it
 * wraps onto more lines on narrow windows), so that the outline sticks just below it.
 */
export function useStickyOffset<Page extends HTMLElement, Toolbar extends HTMLElement>() {
  const pageRef = useRef<Page>(null)
  const toolbarRef = useRef<Toolbar>(null)

  useLayoutEffect(() => {
    const page = pageRef.current
    const toolbar = toolbarRef.current
    if (!page || !toolbar) return
    const update = () =>
      page.style.setProperty('--compare-toolbar-height', `${toolbar.offsetHeight}px`)
    update()
    const observer = new ResizeObserver(update)
    observer.observe(toolbar)
    return () => observer.disconnect()
  }, [])

  return { pageRef, toolbarRef }
}
