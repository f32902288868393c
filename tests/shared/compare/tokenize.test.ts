import { describe, expect, it } from 'vitest'
import { countWords, diffWords, tokenize } from '../../../shared/compare/index.ts'

const NBSP = '\u00a0'
const NNBSP = '\u202f'

/** The removed and added parts of a word diff. */
const changesOf = (from: string, to: string) => {
  const diff = diffWords(from, to)
  return {
    removed: diff.filter(([op]) => op === -1).map(([, text]) => text),
    added: diff.filter(([op]) => op === 1).map(([, text]) => text),
  }
}

describe('tokenize', () => {
  it('gives tokens that join back into the text', () => {
    const text = `«${NBSP}Qu’aujourd’hui${NBSP}», l’État œuvre${NNBSP}; c’est-à-dire 10,5${NBSP}%.`
    expect(tokenize(text).join('')).toBe(text)
  })

  it('makes elided articles words of their own, but not aujourd’hui or quelqu’un', () => {
    expect(tokenize('l’État d’une qu’aujourd’hui quelqu’un')).toEqual([
      'l’',
      'État',
      ' ',
      'd’',
      'une',
      ' ',
      'qu’',
      'aujourd’hui',
      ' ',
      'quelqu’un',
    ])
    expect(tokenize("L'Union jusqu'à")).toEqual(["L'", 'Union', ' ', "jusqu'", 'à'])
  })

  it('treats guillemets and non-breaking spaces as separators', () => {
    expect(tokenize(`«${NBSP}migrant${NNBSP}»${NBSP};`)).toEqual([
      '«',
      NBSP,
      'migrant',
      NNBSP,
      '»',
      NBSP,
      ';',
    ])
  })

  it('keeps hyphenated words, ligatures and decimal numbers whole', () => {
    expect(tokenize('bien-être œuvre Cœur 10,5 10.7, 3')).toEqual([
      'bien-être',
      ' ',
      'œuvre',
      ' ',
      'Cœur',
      ' ',
      '10,5',
      ' ',
      '10.7',
      ',',
      ' ',
      '3',
    ])
  })

  it('counts words, not spaces or punctuation', () => {
    expect(countWords(`«${NBSP}migrant${NBSP}» de l’État${NBSP}; bien-être`)).toBe(5)
  })
})

describe('diffWords', () => {
  it('shows l’État -> l’Union as one word changed, l’ kept', () => {
    expect(diffWords('Le rôle de l’État est central.', 'Le rôle de l’Union est central.')).toEqual([
      [0, 'Le rôle de l’'],
      [-1, 'État'],
      [1, 'Union'],
      [0, ' est central.'],
    ])
  })

  it('shows a changed word whole, even when the new word starts with the old one', () => {
    expect(changesOf('les droits de migrants', 'les droits des migrants')).toEqual({
      removed: ['de'],
      added: ['des'],
    })
    expect(changesOf('un cadre national cohérent', 'un cadre nationale cohérent')).toEqual({
      removed: ['national'],
      added: ['nationale'],
    })
    expect(changesOf('un taux de 10,5 %', 'un taux de 12,5 %')).toEqual({
      removed: ['10,5'],
      added: ['12,5'],
    })
    expect(changesOf('le bien-être des enfants', 'le mieux-être des enfants')).toEqual({
      removed: ['bien-être'],
      added: ['mieux-être'],
    })
  })

  it('keeps guillemets and non-breaking spaces around a change', () => {
    expect(diffWords(`«${NBSP}migrant${NBSP}»`, `«${NBSP}migrant international${NBSP}»`)).toEqual([
      [0, `«${NBSP}migrant`],
      [1, ' international'],
      [0, `${NBSP}»`],
    ])
  })

  it('reads back both texts exactly', () => {
    const from = `Nous nous engageons à renforcer la base de connaissances${NBSP}: «${NBSP}données${NBSP}».`
    const to = `Nous nous engageons à consolider la base de données mondiale${NBSP}: «${NBSP}faits${NBSP}».`
    const diff = diffWords(from, to)
    const side = (skip: number) =>
      diff
        .filter(([op]) => op !== skip)
        .map(([, text]) => text)
        .join('')
    expect(side(1)).toBe(from)
    expect(side(-1)).toBe(to)
  })
})
