import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import {
  BRACKETED_MARK,
  withBrackets,
  CO_FACILITATORS,
  CO_FACILITATORS_DELETION_MARK,
  CO_FACILITATORS_INSERTION_MARK,
  DELETED_BY_ATTR,
  DELETION_MARK,
  DRAFT_FRAGMENT,
  INSERTED_BY_ATTR,
  INSERTION_MARK,
  refOf,
  type ProposalRecord,
  type ProposalRef,
} from '../../../shared/draft/index.ts'
import { alternativeLabel } from '../../../shared/alternatives.ts'
import { objectiveLabel, type DraftJSON } from '../../../shared/numbering.ts'
import { numberLiveDraft } from '../../draft/liveNumbering.ts'
import { isAdRefElement } from '../../draft/adReferendum.ts'
import type { WordLanguage } from './delegationNames.ts'
import {
  wordDate,
  type WordBlock,
  type WordBlockKind,
  type WordComment,
  type WordDocument,
  type WordRevision,
  type WordRun,
} from './wordDocument.ts'

const KINDS: Record<string, WordBlockKind> = {
  sectionTitle: 'sectionTitle',
  objectiveTitle: 'objectiveTitle',
  paragraph: 'paragraph',
  commitment: 'paragraph',
  principle: 'principle',
  action: 'action',
}

const WORDS = {
  fr: { rationale: 'Justification\u00a0: ', supporters: 'Appuyée par\u00a0: ' },
  en: { rationale: 'Rationale: ', supporters: 'Supported by: ' },
} as const

interface Context {
  records: ReadonlyMap<string, ProposalRecord>
  author: (code: string) => string
  language: WordLanguage
  commented: Set<string>
  /** The co-facilitators' own edits since the last revision, as Word shows their author. */
  coFacilitatorsEdits: WordRevision
}

/** The revision of an open proposal's ref: its delegation's name, when it was proposed. */
function revisionOf(ref: ProposalRef | null, context: Context): WordRevision | null {
  const record = ref ? context.records.get(ref.proposalId) : undefined
  if (!ref || !record || record.status !== 'open') return null
  return { author: context.author(record.delegation), date: wordDate(record.createdAt) }
}

const isBracketedOp = (op: { attributes?: Record<string, unknown> }) =>
  op.attributes?.[BRACKETED_MARK] !== undefined

function runsOf(text: Y.XmlText, block: Y.XmlElement, context: Context): WordRun[] {
  const insertedBy = refOf(block.getAttribute(INSERTED_BY_ATTR))
  const deletedBy = refOf(block.getAttribute(DELETED_BY_ATTR))
  const runs: WordRun[] = []
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]
  // "[" and "]" around each bracketed run, as plain agreed text: brackets are no proposal.
  for (const op of withBrackets(delta, isBracketedOp, (insert) => ({ insert }))) {
    if (typeof op.insert !== 'string') continue
    const attributes = op.attributes ?? {}
    const isItalic = 'italic' in attributes
    const insertion = refOf(attributes[INSERTION_MARK]) ?? insertedBy
    const deletion =
      Object.entries(attributes)
        .filter(([key]) => key.startsWith(DELETION_MARK))
        .map(([, value]) => refOf(value))
        .find((ref) => ref !== null) ?? deletedBy
    const edited = CO_FACILITATORS_INSERTION_MARK in attributes ? context.coFacilitatorsEdits : null
    const inserted = revisionOf(insertion, context) ?? edited
    const struck = CO_FACILITATORS_DELETION_MARK in attributes ? context.coFacilitatorsEdits : null
    const deleted = inserted ? null : (revisionOf(deletion, context) ?? struck)
    runs.push({
      text: op.insert,
      isItalic,
      change: inserted ? 'inserted' : deleted ? 'deleted' : 'kept',
      by: inserted ?? deleted,
      proposalId:
        inserted && inserted !== edited
          ? (insertion?.proposalId ?? null)
          : deleted && deleted !== struck
            ? (deletion?.proposalId ?? null)
            : null,
    })
  }
  return runs
}

/** A comment with the proposal's rationale and supporters, on the first block it touches. */
function commentsOf(ids: Iterable<string>, context: Context): WordComment[] {
  const words = WORDS[context.language]
  const comments: WordComment[] = []
  for (const id of ids) {
    const record = context.records.get(id)
    if (!record || context.commented.has(id)) continue
    const paragraphs = [
      ...(record.rationale ? [words.rationale + record.rationale] : []),
      ...(record.supporters.length > 0
        ? [words.supporters + record.supporters.map(context.author).join(', ')]
        : []),
    ]
    if (paragraphs.length === 0) continue
    context.commented.add(id)
    comments.push({
      proposalId: id,
      author: context.author(record.delegation),
      date: wordDate(record.createdAt),
      paragraphs,
    })
  }
  return comments
}

/**
 * The open alternatives of a block, each a paragraph after it as UN texts print them:
 * "Alt 23. <wording> [FRA]", the label in italics, with the rationale as a comment.
 */
function alternativeBlocks(
  uid: string,
  label: string | null,
  objective: number | null,
  context: Context,
): WordBlock[] {
  const kept = { change: 'kept' as const, by: null, proposalId: null }
  return [...context.records.values()]
    .filter((r) => r.status === 'open' && r.alternative && r.blockUid === uid)
    .map((record) => ({
      kind: 'alternative' as const,
      uid: null,
      prefix: null,
      objective,
      runs: [
        { ...kept, text: alternativeLabel(label), isItalic: true },
        {
          ...kept,
          text: ` ${record.alternative?.text ?? ''} [${record.delegation}]`,
          isItalic: false,
        },
      ],
      mark: null,
      comments: commentsOf([record.id], context),
    }))
}

/**
 * The live draft with its open proposals as a Word document: every proposal a tracked change by
 * its delegation, whole proposed or deleted blocks with their paragraph mark tracked too.
 */
export function draftWordDocument(props: {
  doc: Y.Doc
  records: readonly ProposalRecord[]
  author: (code: string) => string
  language: WordLanguage
  symbol: string
  title: string
  /** When Word says the co-facilitators' edits were made: their marks keep no time. */
  editedAt: Date
}): WordDocument {
  const context: Context = {
    records: new Map(props.records.map((r) => [r.id, r])),
    author: props.author,
    language: props.language,
    commented: new Set(),
    coFacilitatorsEdits: {
      author: props.author(CO_FACILITATORS),
      date: wordDate(props.editedAt),
    },
  }
  const fragment = props.doc.getXmlFragment(DRAFT_FRAGMENT)
  const numbering = numberLiveDraft(props.doc, yXmlFragmentToProsemirrorJSON(fragment) as DraftJSON)
  const blocks: WordBlock[] = []
  // Word letters each objective's actions afresh in its own numbering instance, 7 bis too.
  let objective = 0
  let objectiveNumeral = '0'
  const visit = (node: Y.XmlElement | Y.XmlFragment, inherited: Y.XmlElement | null) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      const uid = child.getAttribute('uid')
      if (child.nodeName === 'objective') {
        const number = typeof uid === 'string' ? numbering.get(uid) : undefined
        if (number?.kind === 'objective') {
          objective += 1
          objectiveNumeral = number.numeral
        }
      }
      const kind = KINDS[child.nodeName]
      if (!kind) {
        // An objective proposed or deleted whole: its blocks carry its proposal.
        const own = child.getAttribute(INSERTED_BY_ATTR) || child.getAttribute(DELETED_BY_ATTR)
        visit(child, own ? child : inherited)
        continue
      }
      const owner =
        child.getAttribute(INSERTED_BY_ATTR) || child.getAttribute(DELETED_BY_ATTR)
          ? child
          : inherited
      const text = child.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText)
      const runs = text ? runsOf(text, owner ?? child, context) : []
      const inserted = owner
        ? revisionOf(refOf(owner.getAttribute(INSERTED_BY_ATTR)), context)
        : null
      const deleted = owner ? revisionOf(refOf(owner.getAttribute(DELETED_BY_ATTR)), context) : null
      const mark = inserted
        ? { change: 'inserted' as const, by: inserted }
        : deleted
          ? { change: 'deleted' as const, by: deleted }
          : null
      const ids = new Set(runs.flatMap((r) => (r.proposalId ? [r.proposalId] : [])))
      const label = objectiveLabel(objectiveNumeral, props.language)
      const number = typeof uid === 'string' ? numbering.get(uid) : undefined
      blocks.push({
        kind,
        uid: typeof uid === 'string' ? uid : null,
        prefix:
          kind === 'objectiveTitle'
            ? props.language === 'fr'
              ? `${label}\u00a0: `
              : `${label}: `
            : null,
        numberLabel:
          number && number.kind !== 'objective' && number.added > 0 ? number.label : null,
        isAdRef: isAdRefElement(child),
        objective: kind === 'action' ? objective : null,
        runs,
        mark,
        comments: commentsOf(ids, context),
      })
      if (typeof uid === 'string') {
        const blockLabel = number && number.kind !== 'objective' ? number.label : null
        const inObjective = kind === 'action' ? objective : null
        blocks.push(...alternativeBlocks(uid, blockLabel, inObjective, context))
      }
    }
  }
  visit(fragment, null)
  return {
    language: props.language,
    symbol: props.symbol,
    title: props.title,
    subtitle: null,
    blocks,
  }
}
