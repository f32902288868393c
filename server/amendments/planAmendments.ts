import DiffMatchPatch from 'diff-match-patch'
import {
  countChanges,
  type AmendmentPlan,
  type PlacedBy,
  type PlannedChange,
  type PlannedParagraph,
} from './amendmentPlan.ts'
import type { LiveBlock } from './liveBlocks.ts'
import { fileTextOf, type AmendedParagraph, type WordAmendments } from './wordAmendments.ts'

/** The delegation a Word author's changes are imported as; null: not imported (someone else's). */
export type AuthorMap = (author: string) => string | null

// A paragraph that lost its bookmark is matched to the block whose text is nearest, if at most
// this share of its characters differ.
const MAX_TEXT_DISTANCE = 0.3
const OBJECTIVE_BLOCKS = new Set(['commitment', 'action'])

const dmp = new DiffMatchPatch()
dmp.Diff_Timeout = 1

interface Placed {
  block: LiveBlock
  by: PlacedBy
}

/** The square brackets the Word export prints around bracketed text (no edit of the file's). */
const BRACKETS = ['[', ']']

/** One character of the file's change, where it goes in the live text. */
interface Atom {
  type: 'ins' | 'del' | 'already' | 'notPlaced'
  delegation: string
  author: string
  livePos: number
  char: string
  fileIndex: number
  comments: number[]
}

function matcher(blocks: readonly LiveBlock[], authorMap: AuthorMap) {
  const byUid = new Map(blocks.map((b) => [b.uid, b]))
  return (paragraph: AmendedParagraph): Placed | null => {
    const block = paragraph.uid ? byUid.get(paragraph.uid) : undefined
    if (block) return { block, by: 'uid' }
    // The file's text as exported: without the changes being imported.
    const base = paragraph.runs
      .filter((r) => !(r.insertedBy && authorMap(r.insertedBy)))
      .map((r) => r.text)
      .join('')
    if (base.trim() === '') return null
    const exact = blocks.find((b) => b.content === base)
    if (exact) return { block: exact, by: 'text' }
    let best: { block: LiveBlock; distance: number } | null = null
    for (const candidate of blocks) {
      const longest = Math.max(candidate.content.length, base.length)
      if (Math.abs(candidate.content.length - base.length) > longest * MAX_TEXT_DISTANCE) continue
      const distance = dmp.diff_levenshtein(dmp.diff_main(candidate.content, base)) / longest
      if (distance <= MAX_TEXT_DISTANCE && (!best || distance < best.distance)) {
        best = { block: candidate, distance }
      }
    }
    return best ? { block: best.block, by: 'text' } : null
  }
}

/** Each UTF-16 unit of the paragraph's file text (Yjs counts so) with its tracked state. */
const fileChars = (paragraph: AmendedParagraph) =>
  paragraph.runs.flatMap((run) => run.text.split('').map((char) => ({ char, run })))

function atomsOf(
  paragraph: AmendedParagraph,
  block: LiveBlock,
  authorMap: AuthorMap,
): { atoms: Atom[]; untrackedEdits: boolean } {
  const chars = fileChars(paragraph)
  const diffs = dmp.diff_main(block.content, chars.map((c) => c.char).join(''))
  const segmentAt = (pos: number) => block.segments.find((s) => s.start <= pos && pos < s.end)
  const atoms: Atom[] = []
  let untrackedEdits = false
  let livePos = 0
  let fileIndex = 0
  for (const [op, text] of diffs) {
    if (op === DiffMatchPatch.DIFF_DELETE) {
      livePos += text.length
      continue
    }
    for (let i = 0; i < text.length; i++, fileIndex++) {
      const entry = chars[fileIndex]
      if (!entry) break
      const { run, char } = entry
      const insertedAs = run.insertedBy ? authorMap(run.insertedBy) : null
      const deletedAs = run.deletedBy ? authorMap(run.deletedBy) : null
      const base = { char, fileIndex, comments: run.comments, livePos }
      if (op === DiffMatchPatch.DIFF_INSERT) {
        if (insertedAs && !run.deletedBy) {
          atoms.push({ ...base, type: 'ins', delegation: insertedAs, author: run.insertedBy ?? '' })
        } else if (deletedAs) {
          atoms.push({
            ...base,
            type: 'notPlaced',
            delegation: deletedAs,
            author: run.deletedBy ?? '',
          })
        } else if (!run.insertedBy && !run.deletedBy && !BRACKETS.includes(char)) {
          // The export prints brackets as plain text; they are in no Yjs text to match.
          untrackedEdits = true
        }
        continue
      }
      const segment = segmentAt(livePos)
      if (insertedAs && !run.deletedBy) {
        // Already there: as this delegation's proposal, or as agreed text (it was accepted).
        // The same words proposed by another delegation are theirs to be supported, not copied.
        const other = segment?.insertedBy && segment.insertedBy !== insertedAs
        atoms.push({
          ...base,
          type: other ? 'notPlaced' : 'already',
          delegation: insertedAs,
          author: run.insertedBy ?? '',
        })
      } else if (deletedAs) {
        const author = run.deletedBy ?? ''
        const type =
          segment?.deletedBy.includes(deletedAs) || block.deletedBy === deletedAs
            ? 'already'
            : segment?.insertedBy
              ? 'notPlaced'
              : 'del'
        atoms.push({ ...base, type, delegation: deletedAs, author })
      }
      livePos += 1
    }
  }
  return { atoms, untrackedEdits }
}

const REASONS = {
  notPlaced: 'The text this change was made on is no longer in the draft, or is another proposal.',
  unplacedParagraph: 'The paragraph was not found in the draft: its text changed meanwhile.',
  noAnchor: 'No paragraph of the draft was found before this new paragraph.',
  noPlace: 'A new paragraph cannot be placed here in the structure of the text.',
} as const

function changeOf(atoms: Atom[], comments: Map<number, string>): PlannedChange {
  const first = atoms[0]!
  const edits: PlannedChange['edits'] = []
  for (const atom of atoms) {
    const last = edits.at(-1)
    if (atom.type === 'ins') {
      if (last && last.at === atom.livePos && last.deleteLength === 0) last.insert += atom.char
      else edits.push({ at: atom.livePos, insert: atom.char, deleteLength: 0 })
    } else if (last && last.insert === '' && last.at + last.deleteLength === atom.livePos) {
      last.deleteLength += 1
    } else edits.push({ at: atom.livePos, insert: '', deleteLength: 1 })
  }
  const ids = [...new Set(atoms.flatMap((a) => a.comments))]
  const status =
    first.type === 'already'
      ? 'alreadyProposed'
      : first.type === 'notPlaced'
        ? 'notPlaced'
        : 'create'
  return {
    kind: 'text',
    author: first.author,
    delegation: first.delegation,
    inserted: atoms
      .filter((a) => a.type === 'ins')
      .map((a) => a.char)
      .join(''),
    deleted: atoms
      .filter((a) => a.type === 'del')
      .map((a) => a.char)
      .join(''),
    rationale: ids.flatMap((id) => (comments.has(id) ? [comments.get(id) ?? ''] : [])).join('\n'),
    status,
    reason: status === 'notPlaced' ? REASONS.notPlaced : null,
    placedBy: null,
    edits,
    blockUid: null,
    blockType: null,
  }
}

/** Groups atoms into changes: neighbours in the file, of one delegation and one outcome. */
function group(atoms: Atom[]): Atom[][] {
  const groups: Atom[][] = []
  for (const atom of atoms) {
    const current = groups.at(-1)
    const last = current?.at(-1)
    const sameOutcome = (a: Atom) => (a.type === 'ins' || a.type === 'del' ? 'create' : a.type)
    if (
      current &&
      last &&
      last.fileIndex + 1 === atom.fileIndex &&
      last.delegation === atom.delegation &&
      sameOutcome(last) === sameOutcome(atom)
    ) {
      current.push(atom)
    } else groups.push([atom])
  }
  return groups
}

function newBlockType(anchor: LiveBlock, styleId: string | null): string | null {
  if (OBJECTIVE_BLOCKS.has(anchor.kind)) return 'action'
  if (anchor.kind === 'paragraph' || anchor.kind === 'principle') return anchor.kind
  if (anchor.kind === 'sectionTitle')
    return styleId === 'DraftPrinciple' ? 'principle' : 'paragraph'
  return null
}

/**
 * Places a Word document's tracked changes on the live draft: by the blocks' uid bookmarks,
 * else by the nearest text; reads what is already proposed so that importing a file twice
 * creates nothing new. Changes not by an imported author are the export's own: left alone.
 */
export function planAmendments(props: {
  amendments: WordAmendments
  blocks: readonly LiveBlock[]
  authorMap: AuthorMap
}): AmendmentPlan {
  const { amendments, blocks, authorMap } = props
  const match = matcher(blocks, authorMap)
  const comments = new Map(amendments.comments.map((c) => [c.id, c.text]))
  const isImported = (author: string | null) => author !== null && authorMap(author) !== null
  const paragraphs: PlannedParagraph[] = []
  const placedAt = new Map<number, Placed | null>()
  const placedOf = (p: AmendedParagraph) => {
    if (!placedAt.has(p.index)) placedAt.set(p.index, match(p))
    return placedAt.get(p.index) ?? null
  }
  amendments.paragraphs.forEach((paragraph, position) => {
    const touched =
      paragraph.runs.some((r) => isImported(r.insertedBy) || isImported(r.deletedBy)) ||
      (paragraph.mark?.change === 'deleted' && isImported(paragraph.mark.author))
    if (!touched) return
    const isNew =
      paragraph.runs.length > 0 &&
      paragraph.runs.every((r) => isImported(r.insertedBy) && !r.deletedBy)
    if (isNew && !(paragraph.uid && blocks.some((b) => b.uid === paragraph.uid))) {
      paragraphs.push(newParagraphPlan(paragraph, position))
      return
    }
    const placed = placedOf(paragraph)
    if (!placed) {
      const author = paragraph.runs.find((r) => isImported(r.insertedBy) || isImported(r.deletedBy))
      const name = author?.insertedBy ?? author?.deletedBy ?? ''
      paragraphs.push({
        index: paragraph.index,
        blockUid: null,
        placedBy: null,
        untrackedEdits: false,
        changes: [
          {
            kind: 'text',
            author: name,
            delegation: authorMap(name) ?? '',
            inserted: paragraph.runs
              .filter((r) => isImported(r.insertedBy))
              .map((r) => r.text)
              .join(''),
            deleted: paragraph.runs
              .filter((r) => isImported(r.deletedBy))
              .map((r) => r.text)
              .join(''),
            rationale: '',
            status: 'notPlaced',
            reason: REASONS.unplacedParagraph,
            placedBy: null,
            edits: [],
            blockUid: null,
            blockType: null,
          },
        ],
      })
      return
    }
    const { atoms, untrackedEdits } = atomsOf(paragraph, placed.block, authorMap)
    const changes = group(atoms).map((g) => {
      const change = changeOf(g, comments)
      const wholeBlock =
        paragraph.mark?.change === 'deleted' &&
        change.status === 'create' &&
        change.inserted === '' &&
        change.deleted.length === placed.block.content.length
      return {
        ...change,
        kind: wholeBlock ? ('blockDeletion' as const) : change.kind,
        inserted:
          change.status === 'alreadyProposed' ? g.map((a) => a.char).join('') : change.inserted,
        placedBy: change.status === 'notPlaced' ? null : placed.by,
        blockUid: placed.block.uid,
      }
    })
    paragraphs.push({
      index: paragraph.index,
      blockUid: placed.block.uid,
      placedBy: placed.by,
      untrackedEdits,
      changes,
    })
  })
  return { paragraphs, counts: countChanges(paragraphs) }

  function newParagraphPlan(paragraph: AmendedParagraph, position: number): PlannedParagraph {
    const author = paragraph.runs[0]?.insertedBy ?? ''
    const delegation = authorMap(author) ?? ''
    const text = fileTextOf(paragraph)
    let anchor: Placed | null = null
    for (let i = position - 1; i >= 0 && !anchor; i--) {
      const before = amendments.paragraphs[i]
      const isAlsoNew = before?.runs.every((r) => isImported(r.insertedBy))
      if (before && !isAlsoNew) anchor = placedOf(before)
    }
    const ids = [...new Set(paragraph.runs.flatMap((r) => r.comments))]
    const already = blocks.some((b) => b.insertedBy === delegation && b.content === text)
    const blockType = anchor ? newBlockType(anchor.block, paragraph.styleId) : null
    const status = already ? 'alreadyProposed' : anchor && blockType ? 'create' : 'notPlaced'
    return {
      index: paragraph.index,
      blockUid: anchor?.block.uid ?? null,
      placedBy: anchor?.by ?? null,
      untrackedEdits: false,
      changes: [
        {
          kind: 'newBlock',
          author,
          delegation,
          inserted: text,
          deleted: '',
          rationale: ids
            .map((id) => comments.get(id) ?? '')
            .filter(Boolean)
            .join('\n'),
          status,
          reason: status !== 'notPlaced' ? null : anchor ? REASONS.noPlace : REASONS.noAnchor,
          placedBy: status === 'notPlaced' ? null : (anchor?.by ?? null),
          edits: [],
          blockUid: anchor?.block.uid ?? null,
          blockType,
        },
      ],
    }
  }
}
