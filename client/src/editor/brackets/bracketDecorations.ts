import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { BRACKETED_MARK, bracketedRuns } from '../../../../shared/draft/index.ts'

/** The words the brackets in the text are read out with, in the UI language. */
export interface BracketLabels {
  inBrackets: string
  opening: string
  closing: string
}

const isBracketed = (node: ProseMirrorNode) =>
  node.marks.some((mark) => mark.type.name === BRACKETED_MARK)

/**
 * One "[" before and one "]" after each run of bracketed text in a block, however many
 * proposals or italics cut it into pieces (`shared/draft/brackets.ts` finds the runs, as for
 * the exports). Drawn by CSS (`::before`/`::after`, with their alternative text) on the run's
 * first and last pieces, each in a wrapper of its own, rather than as widgets: a widget beside
 * the caret disturbs the browser's typing there (see the co-facilitators' labels).
 */
export function bracketDecorations(doc: ProseMirrorNode, labels: BracketLabels): DecorationSet {
  const decorations: Decoration[] = []
  doc.descendants((block, pos) => {
    if (!block.isTextblock) return true
    const pieces: { from: number; to: number; node: ProseMirrorNode }[] = []
    block.forEach((node, offset) => {
      const from = pos + 1 + offset
      pieces.push({ from, to: from + node.nodeSize, node })
    })
    for (const { start, end } of bracketedRuns(pieces, (piece) => isBracketed(piece.node))) {
      const first = pieces[start]!
      const last = pieces[end - 1]!
      decorations.push(
        Decoration.inline(first.from, last.to, { class: 'in-brackets', title: labels.inBrackets }),
        Decoration.inline(first.from, first.to, {
          nodeName: 'span',
          class: 'bracket-open',
          'data-label': labels.opening,
        }),
        Decoration.inline(last.from, last.to, {
          nodeName: 'span',
          class: 'bracket-close',
          'data-label': labels.closing,
        }),
      )
    }
    return false
  })
  return DecorationSet.create(doc, decorations)
}
