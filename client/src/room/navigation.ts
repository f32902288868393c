import { useSyncExternalStore } from 'react'

/** The secretariat console's address. */
export const CONSOLE_PATH = '/console'

const PATH_CHANGE = 'draftroom:navigate'

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('popstate', onChange)
  window.addEventListener(PATH_CHANGE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(PATH_CHANGE, onChange)
  }
}

/** The current path, re-rendering on `navigate` and on the browser's back and forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname)
}

/** Goes to another page of the app without reloading it. */
export function navigate(pathname: string): void {
  if (pathname === location.pathname) return
  history.pushState(null, '', pathname)
  window.dispatchEvent(new Event(PATH_CHANGE))
}
