import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { AD_REF_ATTR } from '../../../shared/draft/index.ts'
import {
  isProposedAttrs,
  numberBlocks,
  type BlockNumber,
  type NumberingBase,
} from '../../../shared/numbering.ts'
import { isBlockType } from '../../../shared/schema/index.ts'

/** The UI-language strings the margin and headings need. */
export interface NumberingLabels {
  /** The prefix of an objective's title, e.g. "Objectif 7 : ", "Objectif 7 bis : ". */
  objectiveHeading: (objective: number | string) => string
  /** The badge of a paragraph agreed ad referendum ("ad réf."). */
  adRef: string
  /** The hint shown in an empty block, by node type. */
  placeholders: Readonly<Partial<Record<string, string>>>
}

/** A block of the draft with its position and derived number (null: not numbered). */
export interface NumberedBlock {
  pos: number
  node: ProseMirrorNode
  number: BlockNumber | null
  /** Proposed whole and undecided (itself, or inside a proposed objective). */
  isProposed: boolean
}

export interface NumberingState {
  blocks: readonly NumberedBlock[]
  labels: NumberingLabels
  base: NumberingBase
  decorations: DecorationSet
}

export const numberingKey = new PluginKey<NumberingState>('draftNumbering')

/** What a transaction may tell the plugin: new UI strings, a new numbering base. */
interface NumberingMeta {
  labels?: NumberingLabels
  base?: NumberingBase
}

/**
 * The blocks of a draft in document order with their numbers: one walk, one numbering call.
 * `base`: the last revision's blocks, against which blocks added since are numbered "bis".
 */
export function numberDocument(doc: ProseMirrorNode, base: NumberingBase = {}): NumberedBlock[] {
  const found: { pos: number; node: ProseMirrorNode; isProposed: boolean }[] = []
  // The blocks inside a proposed objective carry no proposal of their own: they inherit it.
  const proposed = new Set<ProseMirrorNode>()
  doc.descendants((node, pos, parent) => {
    const isProposed = (parent !== null && proposed.has(parent)) || isProposedAttrs(node.attrs)
    if (isProposed && !node.isTextblock) proposed.add(node)
    if (isBlockType(node.type.name)) found.push({ pos, node, isProposed })
    // Text never holds a block: do not walk into it.
    return !node.isTextblock
  })
  const numbers = numberBlocks(
    found.map(({ node, isProposed }) => ({
      type: node.type.name,
      uid: typeof node.attrs.uid === 'string' ? node.attrs.uid : null,
      isProposed,
    })),
    base,
  )
  return found.map((block, i) => ({ ...block, number: numbers[i] ?? null }))
}

/** What the margin shows: "17." for paragraphs, "a)" for actions, the number of an objective. */
export const marginLabel = (number: BlockNumber): string =>
  number.kind === 'objective' ? number.numeral : number.label

function decorate(
  doc: ProseMirrorNode,
  blocks: readonly NumberedBlock[],
  labels: NumberingLabels,
): DecorationSet {
  const decorations: Decoration[] = []
  let objective = '0'
  for (const { pos, node, number } of blocks) {
    const attrs: Record<string, string> = {}
    let isDecorated = false
    if (number) {
      attrs['data-number'] = marginLabel(number)
      isDecorated = true
      if (number.kind === 'objective') objective = number.numeral
      // Wide numbers ("23 quater.") need a wider margin than "23.".
      if (number.added > 0) attrs.class = 'is-added-number'
    }
    if (node.attrs[AD_REF_ATTR] === true) {
      attrs['data-ad-ref-label'] = labels.adRef
      isDecorated = true
    }
    if (node.type.name === 'objectiveTitle') {
      attrs['data-heading'] = labels.objectiveHeading(objective)
      isDecorated = true
    }
    const placeholder =
      node.isTextblock && node.content.size === 0 && labels.placeholders[node.type.name]
    if (placeholder) {
      attrs.class = attrs.class ? `${attrs.class} is-empty` : 'is-empty'
      attrs['data-placeholder'] = placeholder
      isDecorated = true
    }
    if (isDecorated) decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs))
  }
  return DecorationSet.create(doc, decorations)
}

/** The plugin itself, for tests and for editors built without Tiptap. */
export function numberingPlugin(initialLabels: NumberingLabels): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => {
        const blocks = numberDocument(state.doc)
        return {
          blocks,
          labels: initialLabels,
          base: {},
          decorations: decorate(state.doc, blocks, initialLabels),
        }
      },
      apply: (tr, previous, _oldState, newState) => {
        const meta = tr.getMeta(numberingKey) as NumberingMeta | undefined
        const labels = meta?.labels ?? previous.labels
        const base = meta?.base ?? previous.base
        if (tr.docChanged || base !== previous.base) {
          const blocks = numberDocument(newState.doc, base)
          return { blocks, labels, base, decorations: decorate(newState.doc, blocks, labels) }
        }
        if (labels !== previous.labels) {
          return {
            ...previous,
            labels,
            decorations: decorate(newState.doc, previous.blocks, labels),
          }
        }
        return previous
      },
    },
    props: {
      decorations: (state) => numberingKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
  })
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    draftNumbering: {
      /** Switches the language of the objective headings and placeholders. */
      setNumberingLabels: (labels: NumberingLabels) => ReturnType
      /** The last revision's blocks, which the numbers are consolidated against. */
      setNumberingBase: (base: NumberingBase) => ReturnType
    }
  }
}

/**
 * The numbers in the margin (paragraphs 1..n, actions a) b) ..., objectives) and the
 * "Objectif N :" headings, as node decorations: numbers are never stored in the document.
 * The draft is numbered once per document change, by the shared numbering function.
 */
export const DraftNumbering = Extension.create<{ labels: NumberingLabels }>({
  name: 'draftNumbering',
  addOptions: () => ({
    labels: {
      objectiveHeading: (objective) => `${objective}. `,
      adRef: 'ad ref',
      placeholders: {},
    },
  }),
  addCommands: () => ({
    setNumberingLabels:
      (labels) =>
      ({ tr, dispatch }) => {
        if (dispatch) tr.setMeta(numberingKey, { labels } satisfies NumberingMeta)
        return true
      },
    setNumberingBase:
      (base) =>
      ({ tr, dispatch }) => {
        if (dispatch) tr.setMeta(numberingKey, { base } satisfies NumberingMeta)
        return true
      },
  }),
  addProseMirrorPlugins() {
    return [numberingPlugin(this.options.labels)]
  },
})
