import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type * as Y from 'yjs'
import {
  CO_FACILITATORS_MARKS,
  DELETED_BY_ATTR,
  INSERTED_BY_ATTR,
  refOf,
  type ProposalStatus,
  type RecordLookup,
  type RecordSummary,
} from '../../../../shared/draft/index.ts'
import { proposalTooltip } from './proposalTooltip.ts'

/** A record, with its author's name once the server has written it. */
type AttributedRecord = RecordSummary & { authorName?: string }

/** The strings the proposals in the text need (labels and tooltips), in the UI language. */
export interface ProposalLabels {
  proposalOf: (delegation: string) => string
  deletionOf: (delegation: string) => string
  status: Record<ProposalStatus, string>
  by: (name: string) => string
  /** The label on the co-facilitators' own edits since the last revision. */
  coFacilitatorsEdits: string
}

interface ProposalDecorationsState {
  labels: ProposalLabels
  decorations: DecorationSet
}

const proposalDecorationsKey = new PluginKey<ProposalDecorationsState>('proposalDecorations')

/** "Proposition FRA · Ouverte · par Amélie Laurent", from the record when it has come. */
function tooltipOf(
  value: unknown,
  records: RecordLookup<AttributedRecord>,
  labels: ProposalLabels,
  isDeletion: boolean,
): string {
  const ref = refOf(value)
  if (!ref) return ''
  const record = records(ref.proposalId)
  const parts = [(isDeletion ? labels.deletionOf : labels.proposalOf)(ref.delegation)]
  if (record) parts.push(labels.status[record.status])
  if (record?.authorName) parts.push(labels.by(record.authorName))
  return parts.join(' · ')
}

function blockLabel(delegation: string, labels: ProposalLabels, isDeletion: boolean): HTMLElement {
  const label = document.createElement('span')
  label.className = `proposal-block-label${isDeletion ? ' is-deletion' : ''}`
  label.dataset.proposalDelegation = delegation
  label.contentEditable = 'false'
  label.textContent = (isDeletion ? labels.deletionOf : labels.proposalOf)(delegation)
  return label
}

const isCoFacilitatorsEdit = (node: ProseMirrorNode) =>
  node.marks.some((mark) => CO_FACILITATORS_MARKS.includes(mark.type.name))

/**
 * A "Co-facilitateurs" label at the start of each run of the co-facilitators' own edits in a
 * text block: readers see whose words they are without hovering (issue 14). Drawn by CSS
 * (`::before`, from `data-label`) on the run's first piece rather than as a widget: a widget
 * in the line beside the caret disturbs the browser's typing there (a space typed twice).
 */
function coFacilitatorsLabels(
  block: ProseMirrorNode,
  pos: number,
  labels: ProposalLabels,
): Decoration[] {
  const decorations: Decoration[] = []
  let wasEdit = false
  block.forEach((child, offset) => {
    const isEdit = isCoFacilitatorsEdit(child)
    if (isEdit && !wasEdit) {
      const from = pos + 1 + offset
      decorations.push(
        Decoration.inline(from, from + child.nodeSize, {
          class: 'co-facilitators-label',
          'data-label': labels.coFacilitatorsEdits,
        }),
      )
    }
    wasEdit = isEdit
  })
  return decorations
}

/** The decorations of the blocks proposed (or proposed for deletion) between `from` and `to`. */
function decorationsBetween(
  doc: ProseMirrorNode,
  from: number,
  to: number,
  records: RecordLookup<AttributedRecord>,
  labels: ProposalLabels,
): Decoration[] {
  const decorations: Decoration[] = []
  doc.nodesBetween(from, to, (node, pos) => {
    for (const attr of [INSERTED_BY_ATTR, DELETED_BY_ATTR]) {
      const ref = refOf(node.attrs[attr])
      if (!ref) continue
      const isDeletion = attr === DELETED_BY_ATTR
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, {
          title: tooltipOf(ref, records, labels, isDeletion),
          class: isDeletion ? 'proposal-block-deleted' : 'proposal-block-inserted',
        }),
        Decoration.widget(pos + 1, () => blockLabel(ref.delegation, labels, isDeletion), {
          side: -1,
          key: `${attr}-${ref.proposalId}-${labels.proposalOf(ref.delegation)}-${labels.deletionOf(ref.delegation)}`,
          ignoreSelection: true,
        }),
      )
    }
    // Proposed text inside a block has its tooltip on hover (proposalTooltip.ts).
    if (node.isTextblock) decorations.push(...coFacilitatorsLabels(node, pos, labels))
    return !node.isTextblock
  })
  return decorations
}

function decorate(
  doc: ProseMirrorNode,
  records: RecordLookup<AttributedRecord>,
  labels: ProposalLabels,
): DecorationSet {
  return DecorationSet.create(doc, decorationsBetween(doc, 0, doc.content.size, records, labels))
}

/** Depth of a section's children (paragraphs, principles, objectives): the unit redrawn. */
const UNIT_DEPTH = 2

/**
 * After a change, maps the decorations and redraws only the units (a paragraph, or an
 * objective with its actions) the change touched: redrawing the whole draft on every keystroke
 * cost several milliseconds with hundreds of proposals open. Null when the change reaches
 * above the units (a section added or removed): then everything is redrawn.
 */
function redrawChanged(
  tr: Transaction,
  previous: DecorationSet,
  records: RecordLookup<AttributedRecord>,
  labels: ProposalLabels,
): DecorationSet | null {
  const doc = tr.doc
  const ranges: [number, number][] = []
  tr.mapping.maps.forEach((map, index) => {
    const rest = tr.mapping.slice(index + 1)
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      ranges.push([rest.map(newStart, -1), rest.map(newEnd, 1)])
    })
  })
  let decorations = previous.map(tr.mapping, doc)
  for (const [from, to] of ranges) {
    const $from = doc.resolve(Math.min(from, doc.content.size))
    const $to = doc.resolve(Math.min(to, doc.content.size))
    if ($from.depth < UNIT_DEPTH || $to.depth < UNIT_DEPTH) return null
    const start = $from.before(UNIT_DEPTH)
    const end = $to.after(UNIT_DEPTH)
    decorations = decorations.remove(decorations.find(start, end))
    decorations = decorations.add(doc, decorationsBetween(doc, start, end, records, labels))
  }
  return decorations
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    proposalDecorations: {
      /** Switches the labels and tooltips of proposals to the UI language. */
      setProposalLabels: (labels: ProposalLabels) => ReturnType
    }
  }
}

/**
 * The proposals in the text as their readers need them: a "Proposition FRA" label on a block
 * proposed or proposed for deletion, and on every proposal a tooltip with its delegation,
 * status and author (from the records, which the extension follows live; on a block as its
 * `title`, on proposed text shown on hover by proposalTooltip.ts). The colours are
 * CSS, from the marks' and blocks' own `data-delegation` attributes.
 */
export const ProposalDecorations = Extension.create<{
  records: RecordLookup
  /** The document's records map, to redraw tooltips when a status changes. */
  recordsMap: Y.Map<unknown> | null
  labels: ProposalLabels
}>({
  name: 'proposalDecorations',
  addOptions: () => ({
    records: () => undefined,
    recordsMap: null,
    labels: {
      proposalOf: (delegation) => delegation,
      deletionOf: (delegation) => delegation,
      status: { open: '', accepted: '', rejected: '', withdrawn: '' },
      by: (name) => name,
      coFacilitatorsEdits: '',
    },
  }),
  addCommands: () => ({
    setProposalLabels:
      (labels) =>
      ({ tr, dispatch }) => {
        if (dispatch) tr.setMeta(proposalDecorationsKey, { labels })
        return true
      },
  }),
  addProseMirrorPlugins() {
    const { records, recordsMap } = this.options
    return [
      new Plugin<ProposalDecorationsState>({
        key: proposalDecorationsKey,
        state: {
          init: (_config, state) => ({
            labels: this.options.labels,
            decorations: decorate(state.doc, records, this.options.labels),
          }),
          apply: (tr, previous, _oldState, newState) => {
            const meta = tr.getMeta(proposalDecorationsKey) as
              { labels?: ProposalLabels; records?: true } | undefined
            const labels = meta?.labels ?? previous.labels
            if (meta) return { labels, decorations: decorate(newState.doc, records, labels) }
            if (!tr.docChanged) return previous
            const decorations =
              redrawChanged(tr, previous.decorations, records, labels) ??
              decorate(newState.doc, records, labels)
            return { labels, decorations }
          },
        },
        props: {
          decorations: (state) => proposalDecorationsKey.getState(state)?.decorations,
        },
        view: (view) => {
          // A record changes (a status, its author arrives) without the text changing. Not
          // from inside the Yjs observer: the same remote transaction may change the text,
          // which y-prosemirror has not put in the editor yet, and a transaction dispatched
          // now would make it write the editor's stale text back into the document.
          let timer: ReturnType<typeof setTimeout> | null = null
          const redraw = () => {
            timer = null
            if (!view.isDestroyed) {
              view.dispatch(view.state.tr.setMeta(proposalDecorationsKey, { records: true }))
            }
          }
          const handleRecords = () => {
            timer ??= setTimeout(redraw, 0)
          }
          recordsMap?.observe(handleRecords)
          const tooltip = proposalTooltip(view, ({ isDeletion, ...ref }) => {
            const labels = proposalDecorationsKey.getState(view.state)?.labels
            return labels ? tooltipOf(ref, records, labels, isDeletion) : ''
          })
          return {
            destroy: () => {
              if (timer !== null) clearTimeout(timer)
              recordsMap?.unobserve(handleRecords)
              tooltip.destroy()
            },
          }
        },
      }),
    ]
  },
})
