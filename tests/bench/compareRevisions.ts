import DiffMatchPatch from 'diff-match-patch'
import { pathToFileURL } from 'node:url'
import { buildDemoDraft } from '../../server/demo/demoDraft.ts'
import { agreedTextOf, compareDrafts, countWords } from '../../shared/compare/index.ts'
import { blocksOfJSON, type DraftJSON } from '../../shared/numbering.ts'
import { renewUids } from '../shared/compare/draftVariants.ts'

/**
 * Comparing two full revisions (DESIGN.md section 9: the whole compact, ~20,000 words, under
 * 100 ms). The demo draft with each numbered block extended by the text of another, then a
 * seeded set of scattered word changes, moved, inserted and deleted blocks. `compareDrafts` is
 * timed by uid and, for an imported revision, with every uid new; next to it, a plain
 * character-level diff-match-patch over the same two texts.
 * Run alone: `node --import tsx tests/bench/compareRevisions.ts`.
 */

const WORD_CHANGES = 300
const MOVES = 6
const INSERTIONS = 10
const DELETIONS = 4
const RUNS = 9
const WARM_UPS = 2
const SEED = 20_181_210

const VOCABULARY = [
  'renforcer',
  'coopération',
  'régionale',
  'États',
  'l’Union',
  'bien-être',
  'migrants',
  'garantir',
  'durable',
  'œuvre',
  'accès',
  'protection',
]

/** mulberry32: a small seeded generator, so that every run compares the same revisions. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const NUMBERED = new Set(['paragraph', 'commitment', 'action', 'principle'])

const numberedBlocks = (draft: DraftJSON): DraftJSON[] =>
  blocksOfJSON(draft).filter((block) => NUMBERED.has(block.type))

const setText = (block: DraftJSON, text: string) => {
  block.content = [{ type: 'text', text }]
}

/** The demo draft at about 20,000 words: each numbered block followed by most of another's text. */
function fullSizeRevision(): DraftJSON {
  const draft = buildDemoDraft()
  const blocks = numberedBlocks(draft)
  const texts = blocks.map(agreedTextOf)
  blocks.forEach((block, i) => {
    const other = (texts[(i + 61) % texts.length] ?? '').split(' ')
    setText(block, `${texts[i]} ${other.slice(0, Math.ceil(other.length * 0.75)).join(' ')}`)
  })
  return draft
}

/** The parent of every block, to move, insert and delete blocks. */
function parentsOf(draft: DraftJSON): Map<DraftJSON, DraftJSON> {
  const parents = new Map<DraftJSON, DraftJSON>()
  for (const node of [draft, ...blocksOfJSON(draft)]) {
    for (const child of node.content ?? []) parents.set(child, node)
  }
  return parents
}

function detach(block: DraftJSON, parents: Map<DraftJSON, DraftJSON>): void {
  const siblings = parents.get(block)?.content ?? []
  const index = siblings.indexOf(block)
  if (index >= 0) siblings.splice(index, 1)
}

function attachAfter(block: DraftJSON, anchor: DraftJSON, parents: Map<DraftJSON, DraftJSON>) {
  const parent = parents.get(anchor)
  parent?.content?.splice(parent.content.indexOf(anchor) + 1, 0, block)
  if (parent) parents.set(block, parent)
}

/** The next revision: scattered word changes, then moved, inserted and deleted blocks. */
function nextRevision(from: DraftJSON): DraftJSON {
  const random = seededRandom(SEED)
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)]
    if (item === undefined) throw new Error('nothing to pick from')
    return item
  }
  const draft = structuredClone(from)
  const blocks = numberedBlocks(draft)
  for (let i = 0; i < WORD_CHANGES; i += 1) {
    const block = pick(blocks)
    const words = agreedTextOf(block).split(' ')
    words[Math.floor(random() * words.length)] = pick(VOCABULARY)
    setText(block, words.join(' '))
  }
  const parents = parentsOf(draft)
  const paragraphs = blocks.filter((block) => block.type === 'paragraph')
  for (let i = 0; i < MOVES; i += 1) {
    const block = pick(paragraphs)
    const anchor = pick(paragraphs)
    if (block === anchor) continue
    detach(block, parents)
    attachAfter(block, anchor, parents)
  }
  for (let i = 0; i < INSERTIONS; i += 1) {
    const text = Array.from({ length: 40 }, () => pick(VOCABULARY)).join(' ')
    const block: DraftJSON = {
      type: 'paragraph',
      attrs: { uid: `bench-new-${i}` },
      content: [{ type: 'text', text: `Nous nous engageons à ${text}.` }],
    }
    attachAfter(block, pick(paragraphs), parents)
  }
  const actions = blocks.filter((block) => block.type === 'action')
  for (let i = 0; i < DELETIONS; i += 1) detach(pick(actions), parents)
  return draft
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** The median time of `run`, in milliseconds, after warm-up runs. */
function medianMs(run: () => unknown): number {
  for (let i = 0; i < WARM_UPS; i += 1) run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return Math.round(median(times) * 100) / 100
}

const fullText = (draft: DraftJSON): string =>
  blocksOfJSON(draft)
    .filter((block) => block.type !== 'section' && block.type !== 'objective')
    .map(agreedTextOf)
    .join('\n')

/** Times `compareDrafts` on two ~20,000-word revisions, by uid and imported, and a char diff. */
export async function benchCompareRevisions(): Promise<Record<string, number>> {
  const from = fullSizeRevision()
  const to = nextRevision(from)
  const imported = renewUids(to)
  const [fromText, toText] = [fullText(from), fullText(to)]
  const comparison = compareDrafts(from, to)
  const importedComparison = compareDrafts(from, imported)
  const dmp = new DiffMatchPatch()
  const charDiff = () => {
    const diffs = dmp.diff_main(fromText, toText)
    dmp.diff_cleanupSemantic(diffs)
    return diffs
  }
  const { totals } = comparison.summary
  return Promise.resolve({
    wordsFrom: countWords(fromText),
    wordsTo: countWords(toText),
    blocks: comparison.paragraphs.length,
    changed: totals.changed,
    moved: totals.moved,
    inserted: totals.inserted,
    deleted: totals.deleted,
    wordsAdded: totals.wordsAdded,
    wordsRemoved: totals.wordsRemoved,
    importedChanged: importedComparison.summary.totals.changed,
    importedMoved: importedComparison.summary.totals.moved,
    importedInserted: importedComparison.summary.totals.inserted,
    importedDeleted: importedComparison.summary.totals.deleted,
    compareDraftsMs: medianMs(() => compareDrafts(from, to)),
    compareDraftsImportedMs: medianMs(() => compareDrafts(from, imported)),
    charDiffMs: medianMs(charDiff),
    charDiffSegments: charDiff().length,
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchCompareRevisions())
}
