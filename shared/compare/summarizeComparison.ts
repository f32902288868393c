import type {
  ChangeCounts,
  ComparedParagraph,
  ComparisonSummary,
  ObjectiveChanges,
} from './comparisonSchema.ts'
import { countWords } from './tokenize.ts'

const noChanges = (): ChangeCounts => ({
  changed: 0,
  inserted: 0,
  deleted: 0,
  moved: 0,
  wordsAdded: 0,
  wordsRemoved: 0,
})

const hasChanges = (counts: ChangeCounts): boolean => Object.values(counts).some((n) => n > 0)

function add(counts: ChangeCounts, paragraph: ComparedParagraph): void {
  switch (paragraph.status) {
    case 'unchanged':
      break
    case 'split':
    case 'merged':
      counts.changed += 1
      break
    case 'changed':
    case 'inserted':
    case 'deleted':
    case 'moved':
      counts[paragraph.status] += 1
      break
  }
  for (const [op, text] of paragraph.diff) {
    if (op === 1) counts.wordsAdded += countWords(text)
    if (op === -1) counts.wordsRemoved += countWords(text)
  }
}

/** The changes per objective (only those with a change, the text outside them first) and in all. */
export function summarizeComparison(paragraphs: readonly ComparedParagraph[]): ComparisonSummary {
  const totals = noChanges()
  const byObjective = new Map<number | null, ChangeCounts>()
  for (const paragraph of paragraphs) {
    let counts = byObjective.get(paragraph.objective)
    if (!counts) byObjective.set(paragraph.objective, (counts = noChanges()))
    add(counts, paragraph)
    add(totals, paragraph)
  }
  const changed = [...byObjective]
    .filter(([, counts]) => hasChanges(counts))
    .map(([objective, counts]): ObjectiveChanges => ({ objective, ...counts }))
    .sort((a, b) => (a.objective ?? 0) - (b.objective ?? 0))
  return { byObjective: changed, totals }
}
