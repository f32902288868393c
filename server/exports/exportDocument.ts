import { countOf } from '../../shared/plural.ts'
import type { NegotiationSummary } from '../../shared/api.ts'
import { agreedTextOf } from '../../shared/compare/index.ts'
import { withoutProposedBlocks } from '../../shared/compare/agreedText.ts'
import type { Comparison, ComparedParagraph } from '../../shared/compare/index.ts'
import {
  blocksOfJSON,
  numberDraft,
  objectiveLabel,
  type DraftJSON,
} from '../../shared/numbering.ts'
import type { RevisionSummary } from '../../shared/revisions.ts'
import { AD_REF_ATTR } from '../../shared/draft/index.ts'
import { AD_REF_WORDS, frenchDate } from './compilation.ts'
import { wordDate } from './word/wordDocument.ts'

/**
 * What a revision or a comparison looks like on paper, independent of the format: a header and
 * numbered blocks made of runs of kept, added or removed text. One HTML and one DOCX renderer
 * turn it into files, so that both formats show the same thing.
 */
export type RunChange = 'kept' | 'added' | 'removed'

export interface ExportRun {
  text: string
  change: RunChange
}

export type ExportBlockKind =
  'sectionTitle' | 'objectiveTitle' | 'paragraph' | 'action' | 'principle'

export interface ExportBlock {
  kind: ExportBlockKind
  /** "17.", "a)", "Objectif 3 :" or null. */
  label: string | null
  runs: ExportRun[]
  /** A note beside the block, e.g. "déplacé (ancien 17.)" or "supprimé". */
  note: string | null
}

export interface ExportDocument {
  kind: string
  title: string
  subtitle: string
  date: string
  /** A line of totals, for comparisons. */
  summary: string | null
  blocks: ExportBlock[]
  /**
   * Who made the changes of a comparison and when: Word's author and date of its tracked
   * changes (the later revision's symbol, and when it was published or the comparison made).
   */
  changesBy: { author: string; date: string } | null
}

const KIND_OF: Record<string, ExportBlockKind> = {
  sectionTitle: 'sectionTitle',
  objectiveTitle: 'objectiveTitle',
  paragraph: 'paragraph',
  commitment: 'paragraph',
  action: 'action',
  principle: 'principle',
}

/** A published revision, as its agreed text (open proposals are not part of it), with its ad ref status. */
export function revisionDocument(props: {
  negotiation: NegotiationSummary
  revision: RevisionSummary
  document: DraftJSON
}): ExportDocument {
  // The agreed text: proposed blocks are neither shown nor counted in the numbering.
  const agreed = withoutProposedBlocks(props.document)
  const numbering = numberDraft(agreed)
  let objective = 0
  const blocks: ExportBlock[] = []
  for (const node of blocksOfJSON(agreed)) {
    if (node.type === 'objective') {
      const number = numbering.get(String(node.attrs?.uid))
      if (number?.kind === 'objective') objective = number.objective
    }
    const kind = KIND_OF[node.type]
    if (!kind || node.attrs?.insertedBy) continue
    const number = numbering.get(String(node.attrs?.uid))
    const label =
      kind === 'objectiveTitle' ? `${objectiveLabel(objective, 'fr')} :` : (number?.label ?? null)
    // Its status printed as the compilation prints it: a revision says what is agreed ad ref.
    const note = node.attrs?.[AD_REF_ATTR] === true ? `[${AD_REF_WORDS}]` : null
    blocks.push({ kind, label, runs: [{ text: agreedTextOf(node), change: 'kept' }], note })
  }
  return {
    kind: props.revision.symbol,
    title: props.negotiation.title,
    subtitle: props.revision.title,
    date: frenchDate(new Date(props.revision.publishedAt)),
    summary: null,
    blocks,
    changesBy: null,
  }
}

const NOTES: Record<ComparedParagraph['status'], (p: ComparedParagraph) => string | null> = {
  unchanged: () => null,
  changed: () => 'modifié',
  inserted: () => 'nouveau',
  deleted: (p) => `supprimé${p.fromNumber ? ` (ancien ${p.fromNumber})` : ''}`,
  moved: (p) => `déplacé (ancien ${p.fromNumber ?? '—'})`,
  split: (p) => `scindé en ${joinedNumbers(p)} (ancien ${p.fromNumber ?? '—'})`,
  merged: (p) => `fusion de ${joinedNumbers(p)}`,
}

/** "12. et 13.": the two paragraphs of a split or a merge. */
const joinedNumbers = (p: ComparedParagraph): string =>
  (p.joined?.numbers ?? []).map((n) => n ?? '—').join(' et ')

/** A comparison, inline: insertions and deletions in the text of each block. */
export function comparisonDocument(props: {
  negotiation: NegotiationSummary
  labels: { from: string; to: string }
  comparison: Comparison
  now: Date
  /** When the later side was published; the comparison's time for the live draft. */
  changedAt?: Date
}): ExportDocument {
  const { totals } = props.comparison.summary
  const blocks = props.comparison.paragraphs.map((paragraph): ExportBlock => {
    const kind = KIND_OF[paragraph.type] ?? 'paragraph'
    const number = paragraph.toNumber ?? paragraph.fromNumber
    const label =
      kind === 'objectiveTitle' && paragraph.objective
        ? `${objectiveLabel(paragraph.objective, 'fr')} :`
        : number
    return {
      kind,
      label,
      runs: paragraph.diff.map(([op, text]) => ({
        text,
        change: op === 1 ? 'added' : op === -1 ? 'removed' : 'kept',
      })),
      note: NOTES[paragraph.status](paragraph),
    }
  })
  return {
    kind: 'Comparaison',
    title: props.negotiation.title,
    subtitle: `${props.labels.from} → ${props.labels.to}`,
    date: frenchDate(props.now),
    summary: comparisonSummary(totals),
    blocks,
    changesBy: {
      author: props.labels.to,
      date: wordDate(props.changedAt ?? props.now),
    },
  }
}

/** "2 paragraphes modifiés, 1 inséré, 0 supprimé, ..." with French plurals, never "(s)". */
function comparisonSummary(totals: {
  changed: number
  inserted: number
  deleted: number
  moved: number
  wordsAdded: number
  wordsRemoved: number
}): string {
  const fr = (count: number, one: string, other: string) => countOf(count, { one, other }, 'fr')
  return (
    `${fr(totals.changed, 'paragraphe modifié', 'paragraphes modifiés')}, ` +
    `${fr(totals.inserted, 'inséré', 'insérés')}, ${fr(totals.deleted, 'supprimé', 'supprimés')}, ` +
    `${fr(totals.moved, 'déplacé', 'déplacés')} ; ` +
    `${fr(totals.wordsAdded, 'mot ajouté', 'mots ajoutés')}, ` +
    `${fr(totals.wordsRemoved, 'supprimé', 'supprimés')}.`
  )
}
