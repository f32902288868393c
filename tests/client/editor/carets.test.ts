// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { renderCaret } from '../../../client/src/editor/carets.ts'
import { delegationColorAt } from '../../../shared/presence.ts'

const label = (caret: HTMLElement) =>
  caret.querySelector('.collaboration-carets__label')?.textContent

describe('remote carets', () => {
  it('show the server-stamped name and delegation, in the stamped colour', () => {
    const color = delegationColorAt(1)
    const caret = renderCaret(
      { name: 'Délégation de la France', delegation: 'FRA', role: 'delegation', color },
      () => 'Co-fac.',
    )
    expect(label(caret)).toBe('Délégation de la France · FRA')
    expect(caret.style.borderColor).toBeTruthy()
  })

  it('label co-facilitators as such, and users without a delegation by name alone', () => {
    const coFacilitator = { name: 'Jürg Lauber', delegation: 'CHE', role: 'coFacilitator' }
    expect(label(renderCaret(coFacilitator, () => 'Co-fac.'))).toBe('Jürg Lauber · Co-fac.')
    const observer = { name: 'OIM (observateur)', delegation: null, role: 'observer' }
    expect(label(renderCaret(observer, () => 'Co-fac.'))).toBe('OIM (observateur)')
  })

  it('set what another client sent as text, never as HTML', () => {
    const caret = renderCaret({ name: '<img src=x onerror=alert(1)>', delegation: 'FRA' }, () => '')
    expect(caret.querySelector('img')).toBeNull()
    expect(label(caret)).toBe('<img src=x onerror=alert(1)> · FRA')
  })
})
