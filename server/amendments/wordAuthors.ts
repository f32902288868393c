import type { Delegation } from '../../shared/api.ts'
import { forbidden } from '../errors.ts'
import type { WordAmendments } from './wordAmendments.ts'

/** A Word author found in the file, and the delegation its changes are imported as (or null). */
export interface WordAuthor {
  author: string
  delegation: string | null
  /** Why: mapped in the request, named as a delegation, the importing delegation itself, or none. */
  reason: 'mapped' | 'delegationName' | 'importer' | 'notImported' | 'unmapped'
}

/** Every author of a tracked change in the file, in order of first appearance. */
export function authorsOf(amendments: WordAmendments): string[] {
  const authors = new Set<string>()
  for (const paragraph of amendments.paragraphs) {
    if (paragraph.mark) authors.add(paragraph.mark.author)
    for (const run of paragraph.runs) {
      if (run.insertedBy !== null) authors.add(run.insertedBy)
      if (run.deletedBy !== null) authors.add(run.deletedBy)
    }
  }
  return [...authors]
}

const CO_FACILITATOR_NAMES = new Set(['co-facilitateurs', 'co-facilitators'])

/**
 * Which delegation each Word author's changes are imported as. The export writes each open
 * proposal under its delegation's name, so an author named as a delegation is that delegation
 * (for a delegation's own import, only itself: the others' are the export's own proposals).
 * Other authors are people: a delegation's one author is the delegation; several, or any for a
 * co-facilitator, must be mapped in the request. A delegation may map only to itself.
 */
export function resolveAuthors(props: {
  authors: readonly string[]
  delegations: readonly Delegation[]
  /** The importing delegation, or null for a co-facilitator. */
  importer: string | null
  mapping: Readonly<Record<string, string>>
}): WordAuthor[] {
  const { importer, mapping } = props
  const codes = new Set(props.delegations.map((d) => d.code))
  for (const [author, code] of Object.entries(mapping)) {
    if (importer !== null && code !== importer) {
      throw forbidden(
        `A delegation imports amendments only in its own name (not ${code} for "${author}").`,
      )
    }
    if (!codes.has(code)) throw forbidden(`${code} is not a delegation of this negotiation.`)
  }
  const named = new Map<string, string>()
  for (const d of props.delegations) {
    for (const name of [d.code, d.nameFr, d.nameEn]) named.set(name.toLocaleLowerCase('fr'), d.code)
  }
  const resolved = props.authors.map((author): WordAuthor => {
    const mapped = mapping[author]
    if (mapped) return { author, delegation: mapped, reason: 'mapped' }
    const key = author.trim().toLocaleLowerCase('fr')
    if (CO_FACILITATOR_NAMES.has(key)) return { author, delegation: null, reason: 'notImported' }
    const code = named.get(key)
    if (code) {
      const imported = importer === null || code === importer
      return {
        author,
        delegation: imported ? code : null,
        reason: imported ? 'delegationName' : 'notImported',
      }
    }
    return { author, delegation: null, reason: 'unmapped' }
  })
  const unmapped = resolved.filter((a) => a.reason === 'unmapped')
  if (importer !== null && unmapped.length === 1 && unmapped[0]) {
    unmapped[0].delegation = importer
    unmapped[0].reason = 'importer'
  }
  return resolved
}
