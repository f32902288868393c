import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { Delegation } from '../../shared/api.ts'
import { alternativeLabel } from '../../shared/alternatives.ts'
import { numberLiveDraft } from '../draft/liveNumbering.ts'
import { isAdRefElement } from '../draft/adReferendum.ts'
import { objectiveLabel, type BlockNumber, type DraftJSON } from '../../shared/numbering.ts'
import {
  BRACKETED_MARK,
  withBrackets,
  CO_FACILITATORS,
  DELETED_BY_ATTR,
  DELETION_MARK,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  PROPOSAL_STATUSES,
  ProposalRef,
  type ProposalRecord,
  type ProposalStatus,
  DRAFT_FRAGMENT,
} from '../../shared/draft/index.ts'

/**
 * The compilation of proposals (DESIGN.md section 3) as a neutral model that the HTML and DOCX
 * exports both render: every block of the draft in order, its agreed text, and under it every
 * proposal touching it.
 */

/** The blocks that hold text, i.e. the entries of the compilation. */
export const COMPILATION_BLOCK_KINDS = [
  'sectionTitle',
  'objectiveTitle',
  'paragraph',
  'principle',
  'commitment',
  'action',
] as const
export type CompilationBlockKind = (typeof COMPILATION_BLOCK_KINDS)[number]

/** A piece of text: agreed text kept as is, or a proposal's insertion or deletion. */
export interface CompilationRun {
  text: string
  change: 'kept' | 'inserted' | 'deleted'
  isItalic: boolean
}

/** A delegation as the compilation names it: "France (FRA)", or "Co-facilitateurs". */
export interface DelegationLabel {
  code: string | null
  name: string
}

export interface CompilationProposal {
  id: string
  delegation: DelegationLabel
  status: ProposalStatus
  supporters: DelegationLabel[]
  rationale: string
  /** When it was proposed (ISO 8601): the date of its tracked changes in Word. */
  createdAt: string
  /** The block's text with this proposal's change; empty once the change left the text. */
  runs: CompilationRun[]
  /** An alternative wording for the whole block, printed as UN texts do: "Alt 23. ... [FRA]". */
  alternative: { label: string; text: string } | null
}

export interface CompilationBlock {
  uid: string | null
  kind: CompilationBlockKind
  /** "17.", "a)", "Objectif 7 :" — null for section titles and principles. */
  label: string | null
  /** The agreed text: proposed insertions left out, proposed deletions kept. */
  runs: CompilationRun[]
  /** A whole block proposed by a delegation: it has no agreed text yet. */
  isProposed: boolean
  /** Agreed ad referendum by the co-facilitators: closed to proposals until reopened. */
  isAdRef: boolean
  proposals: CompilationProposal[]
}

export interface Compilation {
  title: string
  generatedAt: Date
  statusFilter: ProposalStatus | null
  blocks: CompilationBlock[]
  /** Proposals whose block is no longer in the draft (e.g. a rejected new paragraph). */
  unplaced: CompilationProposal[]
  summary: { status: ProposalStatus; count: number }[]
}

/** The status words of a French compilation. */
export const STATUS_LABELS: Record<ProposalStatus, string> = {
  open: 'ouvert',
  accepted: 'accepté',
  rejected: 'rejeté',
  withdrawn: 'retiré',
}

/** The status a French compilation prints after a paragraph agreed ad referendum. */
export const AD_REF_WORDS = 'agréé ad referendum'

/** "France (FRA)", or "Co-facilitateurs". */
export const delegationText = (label: DelegationLabel): string =>
  label.code ? `${label.name} (${label.code})` : label.name

/** "23 novembre 2026": the date line of the header. */
export const frenchDate = (date: Date): string =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(date)

interface Segment {
  text: string
  isItalic: boolean
  insertion: string | null
  deletions: Set<string>
}

interface ScannedBlock {
  uid: string | null
  kind: CompilationBlockKind
  label: string | null
  segments: Segment[]
  insertedBy: string | null
  deletedBy: string | null
  isAdRef: boolean
}

const isBlockKind = (name: string): name is CompilationBlockKind =>
  (COMPILATION_BLOCK_KINDS as readonly string[]).includes(name)

const refId = (value: unknown): string | null => {
  const ref = ProposalRef.safeParse(value)
  return ref.success ? ref.data.proposalId : null
}

const uidOf = (element: Y.XmlElement): string | null => {
  const uid = element.getAttribute('uid')
  return typeof uid === 'string' ? uid : null
}

function labelOf(kind: CompilationBlockKind, number: BlockNumber | undefined): string | null {
  if (kind === 'objectiveTitle') {
    // French puts a non-breaking space before the colon.
    return number?.kind === 'objective' ? `${objectiveLabel(number.numeral, 'fr')}\u00a0:` : null
  }
  return number && number.kind !== 'objective' ? number.label : null
}

const isBracketedOp = (op: { attributes?: Record<string, unknown> }) =>
  op.attributes?.[BRACKETED_MARK] !== undefined

/** The runs of a block's text, with "[" and "]" (agreed, plain) around each bracketed run. */
function segmentsOf(element: Y.XmlElement): Segment[] {
  const segments: Segment[] = []
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue
    const delta = child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]
    for (const op of withBrackets(delta, isBracketedOp, (insert) => ({ insert }))) {
      if (typeof op.insert !== 'string') continue
      const attributes = op.attributes ?? {}
      const deletions = new Set<string>()
      for (const [key, value] of Object.entries(attributes)) {
        const id = key.startsWith(DELETION_MARK) ? refId(value) : null
        if (id) deletions.add(id)
      }
      segments.push({
        text: op.insert,
        isItalic: 'italic' in attributes,
        insertion: refId(attributes[INSERTION_MARK]),
        deletions,
      })
    }
  }
  return segments
}

/** The text blocks in document order, with whole-block proposals inherited from containers. */
function scanBlocks(doc: Y.Doc): ScannedBlock[] {
  const fragment = doc.getXmlFragment(DRAFT_FRAGMENT)
  const numbering = numberLiveDraft(doc, yXmlFragmentToProsemirrorJSON(fragment) as DraftJSON)
  const blocks: ScannedBlock[] = []
  const visit = (
    node: Y.XmlElement | Y.XmlFragment,
    inherited: { insertedBy: string | null; deletedBy: string | null; objectiveUid: string | null },
  ) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      const uid = uidOf(child)
      const own = {
        insertedBy: refId(child.getAttribute(INSERTED_BY_ATTR)) ?? inherited.insertedBy,
        deletedBy: refId(child.getAttribute(DELETED_BY_ATTR)) ?? inherited.deletedBy,
        objectiveUid: child.nodeName === 'objective' ? uid : inherited.objectiveUid,
      }
      const kind = child.nodeName
      if (isBlockKind(kind)) {
        const numberUid = kind === 'objectiveTitle' ? own.objectiveUid : uid
        blocks.push({
          uid,
          kind,
          label: labelOf(kind, numberUid ? numbering.get(numberUid) : undefined),
          segments: segmentsOf(child),
          insertedBy: own.insertedBy,
          deletedBy: own.deletedBy,
          isAdRef: isAdRefElement(child),
        })
      } else {
        visit(child, own)
      }
    }
  }
  visit(fragment, { insertedBy: null, deletedBy: null, objectiveUid: null })
  return blocks
}

const run = (segment: Segment, change: CompilationRun['change']): CompilationRun => ({
  text: segment.text,
  change,
  isItalic: segment.isItalic,
})

/** The agreed text of a block: without proposed insertions, with proposed deletions. */
const agreedRuns = (block: ScannedBlock): CompilationRun[] =>
  block.insertedBy
    ? []
    : mergeRuns(block.segments.filter((s) => s.insertion === null).map((s) => run(s, 'kept')))

/** How much agreed text to keep on each side of a change, in characters. */
const CONTEXT_CHARS = 90

const headWords = (text: string, size: number) => {
  const cut = text.lastIndexOf(' ', size)
  return text.slice(0, cut > 0 ? cut : size)
}
const tailWords = (text: string, size: number) => {
  const cut = text.indexOf(' ', text.length - size)
  return text.slice(cut >= 0 ? cut + 1 : text.length - size)
}

/**
 * Shortens the agreed text far from a change to "…", so that a long paragraph's proposals read
 * as the change in its context, not as the whole paragraph again.
 */
function elideContext(runs: CompilationRun[]): CompilationRun[] {
  const isChange = (r: CompilationRun) => r.change !== 'kept'
  const first = runs.findIndex(isChange)
  const last = runs.findLastIndex(isChange)
  if (first < 0) return runs
  return runs.flatMap((r, i): CompilationRun[] => {
    if (isChange(r)) return [r]
    const keepHead = i > first ? CONTEXT_CHARS : 0
    const keepTail = i < last ? CONTEXT_CHARS : 0
    if (r.text.length <= keepHead + keepTail + 10) return [r]
    const head = keepHead ? headWords(r.text, keepHead) : ''
    const tail = keepTail ? tailWords(r.text, keepTail) : ''
    return [{ ...r, text: `${head}${head ? ' ' : ''}…${tail ? ' ' : ''}${tail}` }]
  })
}

/** The block's text as proposal `id` would change it. */
function changeRuns(block: ScannedBlock, id: string): CompilationRun[] {
  if (block.insertedBy === id) {
    return mergeRuns(
      block.segments
        .filter((s) => s.insertion === null || s.insertion === id)
        .map((s) => run(s, 'inserted')),
    )
  }
  const runs = block.segments.flatMap((s): CompilationRun[] => {
    if (s.insertion === id) return [run(s, 'inserted')]
    if (s.insertion !== null) return []
    return [run(s, block.deletedBy === id || s.deletions.has(id) ? 'deleted' : 'kept')]
  })
  return elideContext(mergeRuns(runs))
}

/** Joins neighbouring runs that look the same (overlapping deletions split the text). */
function mergeRuns(runs: readonly CompilationRun[]): CompilationRun[] {
  const merged: CompilationRun[] = []
  for (const next of runs) {
    const last = merged.at(-1)
    if (last && last.change === next.change && last.isItalic === next.isItalic) {
      merged[merged.length - 1] = { ...last, text: last.text + next.text }
    } else {
      merged.push(next)
    }
  }
  return merged
}

function touchingIds(block: ScannedBlock): Set<string> {
  const ids = new Set<string>()
  if (block.insertedBy) ids.add(block.insertedBy)
  if (block.deletedBy) ids.add(block.deletedBy)
  for (const segment of block.segments) {
    if (segment.insertion) ids.add(segment.insertion)
    for (const id of segment.deletions) ids.add(id)
  }
  return ids
}

/** Builds the compilation of a draft document and its proposal records. */
export function buildCompilation(
  doc: Y.Doc,
  records: readonly ProposalRecord[],
  participants: { delegations: Delegation[]; coFacilitators: Delegation[] },
  header: { title: string; generatedAt: Date; statusFilter?: ProposalStatus | null },
): Compilation {
  const statusFilter = header.statusFilter ?? null
  const listed = records.filter((r) => statusFilter === null || r.status === statusFilter)
  const names = new Map(
    [...participants.delegations, ...participants.coFacilitators].map((d) => [d.code, d.nameFr]),
  )
  const label = (code: string): DelegationLabel =>
    code === CO_FACILITATORS
      ? { code: null, name: 'Co-facilitateurs' }
      : { code, name: names.get(code) ?? code }
  const present = (
    record: ProposalRecord,
    runs: CompilationRun[],
    blockLabel: string | null = null,
  ): CompilationProposal => ({
    id: record.id,
    delegation: label(record.delegation),
    status: record.status,
    supporters: record.supporters.map(label),
    rationale: record.rationale,
    createdAt: record.createdAt,
    runs,
    alternative: record.alternative
      ? { label: alternativeLabel(blockLabel), text: record.alternative.text }
      : null,
  })

  const placed = new Set<string>()
  const blocks = scanBlocks(doc).map((block): CompilationBlock => {
    const ids = touchingIds(block)
    const touching = listed.filter((r) => ids.has(r.id))
    for (const record of touching) placed.add(record.id)
    return {
      uid: block.uid,
      kind: block.kind,
      label: block.label,
      runs: agreedRuns(block),
      isProposed: block.insertedBy !== null,
      isAdRef: block.isAdRef,
      proposals: touching.map((r) => present(r, changeRuns(block, r.id))),
    }
  })
  // Decided and withdrawn proposals have left the text, and alternatives were never in it:
  // list them where they were made.
  const byUid = new Map(blocks.map((b) => [b.uid, b]))
  const unplaced: CompilationProposal[] = []
  for (const record of listed.filter((r) => !placed.has(r.id))) {
    const block = record.blockUid === null ? undefined : byUid.get(record.blockUid)
    if (block) block.proposals.push(present(record, [], block.label))
    else unplaced.push(present(record, []))
  }
  return {
    title: header.title,
    generatedAt: header.generatedAt,
    statusFilter,
    blocks,
    unplaced,
    summary: PROPOSAL_STATUSES.map((status) => ({
      status,
      count: listed.filter((r) => r.status === status).length,
    })),
  }
}
