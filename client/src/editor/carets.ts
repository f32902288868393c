import type { Identity } from '../identity/identity.ts'
import { CO_FACILITATORS } from '../identity/identity.ts'
import { delegationColor } from '../identity/delegationColor.ts'

/** What a client publishes in awareness about its user (the server will stamp it). */
export interface CaretUser {
  name: string
  color: string
  delegation: string
}

export const caretUser = (identity: Identity): CaretUser => ({
  name: identity.name,
  color: delegationColor(identity.delegation),
  delegation: identity.delegation,
})

const text = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 80) : fallback

/**
 * A remote caret labelled "Name · FRA" in the delegation's colour. Awareness comes from other
 * clients, so it is read defensively and only ever set as text, never as HTML.
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
  const who = delegation === CO_FACILITATORS ? coFacilitatorsLabel() : delegation
  label.textContent = who ? `${text(user.name, '?')} · ${who}` : text(user.name, '?')
  caret.append(label)
  return caret
}
