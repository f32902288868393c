import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from '../routes.ts'

/**
 * A link to another page of the app: a plain click changes page without reloading; a click with
 * a modifier (new tab, new window) is left to the browser.
 */
export function AppLink({
  href,
  onClick,
  ...props
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }
  return <a href={href} onClick={handleClick} {...props} />
}
