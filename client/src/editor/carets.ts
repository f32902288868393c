import type { PresenceOfUser } from '../auth/presence.ts'

/** What a client publishes in awareness about its user (the server stamps it with the same). */
export type CaretUser = PresenceOfUser

const text = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 80) : fallback

/**
 * A remote caret labelled "Name · FRA" (a co-facilitator: "Name · Co-fac.") in the colour the
 * server stamped. Awareness comes from other clients, so it is read defensively and only ever
 * set as text, never as HTML.
 */
export function renderCaret(
  user: Record<string, unknown>,
  coFacilitatorsLabel: () => string,
): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : 'transparent'
  const delegation = text(user.delegation, '')
  const caret = document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.style.borderColor = color
  const label = document.createElement('span')
  label.classList.add('collaboration-carets__label')
  label.style.backgroundColor = color
  const who = user.role === 'coFacilitator' ? coFacilitatorsLabel() : delegation
  label.textContent = who ? `${text(user.name, '?')} · ${who}` : text(user.name, '?')
  caret.append(label)
  return caret
}
