import { describe, expect, it } from 'vitest'
import { countOf } from '../../shared/plural.ts'

const PARAGRAPH_FR = { one: 'paragraphe modifié', other: 'paragraphes modifiés' }
const PARAGRAPH_EN = { one: 'paragraph changed', other: 'paragraphs changed' }

describe('countOf', () => {
  it('follows French plural rules: 0 and 1 singular', () => {
    expect(countOf(0, PARAGRAPH_FR, 'fr')).toBe('0 paragraphe modifié')
    expect(countOf(1, PARAGRAPH_FR, 'fr')).toBe('1 paragraphe modifié')
    expect(countOf(2, PARAGRAPH_FR, 'fr')).toBe('2 paragraphes modifiés')
  })

  it('follows English plural rules: 1 alone singular', () => {
    expect(countOf(0, PARAGRAPH_EN, 'en')).toBe('0 paragraphs changed')
    expect(countOf(1, PARAGRAPH_EN, 'en')).toBe('1 paragraph changed')
    expect(countOf(12, PARAGRAPH_EN, 'en')).toBe('12 paragraphs changed')
  })
})
