import type { NegotiationSummary } from '../../shared/api.ts'
import type { Concordance, ConcordanceFate, ConcordanceRow } from '../../shared/concordance.ts'
import { frenchDate } from './compilation.ts'

/** A concordance on paper, as its HTML and DOCX renderers both read it. */
export interface ConcordancePaper {
  negotiation: NegotiationSummary
  concordance: Concordance
  date: Date
}

/** What became of a paragraph, in the words of a French UN concordance. */
export const FATE_FR: Record<ConcordanceFate, string> = {
  unchanged: 'inchangé',
  changed: 'modifié',
  moved: 'déplacé',
  merged: 'fusionné',
  split: 'scindé',
  new: 'nouveau',
  deleted: 'supprimé',
}

export const COLUMNS_FR = ['Objectif', 'Texte', 'Devenir', 'Délégations'] as const

/** The cells of one row, in the order of the columns (with the two symbols first). */
export function cellsOf(row: ConcordanceRow): string[] {
  return [
    row.fromNumbers.join(' + ') || '—',
    row.toNumbers.join(' + ') || '—',
    row.objective === null ? '' : String(row.objective),
    row.excerpt,
    FATE_FR[row.fate],
    row.delegations.join(', '),
  ]
}

/** Header lines: title, "Concordance : A → B", the date. */
export function headingOf(paper: ConcordancePaper): {
  title: string
  subtitle: string
  date: string
} {
  const { labels } = paper.concordance
  return {
    title: paper.negotiation.title,
    subtitle: `Concordance\u00a0: ${labels.from} → ${labels.to}`,
    date: frenchDate(paper.date),
  }
}
