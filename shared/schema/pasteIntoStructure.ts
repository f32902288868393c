import { Extension } from '@tiptap/core'
import { Fragment, Slice, type Node as PMNode, type ResolvedPos } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/**
 * Pasted paragraphs take the kind of block they land in. Text from Word or the web parses to plain
 * paragraphs; pasted into an objective, ProseMirror would otherwise split the objective in two
 * around them (an empty title, an empty commitment and a duplicate uid on the second half).
 * In an action they become actions; after a commitment, actions; in a title, one line of text.
 */
export const PasteIntoStructure = Extension.create({
  name: 'pasteIntoStructure',
  addProseMirrorPlugins: () => [
    new Plugin({
      key: new PluginKey('pasteIntoStructure'),
      props: {
        transformPastedHTML: withoutWordListLabels,
        transformPasted: (slice, view) => fitPastedBlocks(slice, view.state.selection.$from),
      },
    }),
  ],
})

// Word writes the label of an automatically numbered list ("a)", "17.") as text in a span that
// only Word reads; the draft numbers its blocks itself, so the label would be doubled.
const WORD_LIST_LABEL =
  /<span[^>]*mso-list:\s*Ignore[^>]*>(?:[^<]|<span[^>]*>[^<]*<\/span>)*<\/span>/gi

/** Pasted HTML without the list labels Word writes as text. */
export const withoutWordListLabels = (html: string): string => html.replace(WORD_LIST_LABEL, '')

/** The slice with its paragraphs retyped to fit the block at `$cursor`'s container. */
export function fitPastedBlocks(slice: Slice, $cursor: ResolvedPos): Slice {
  const { content } = slice
  if (!$cursor.parent.isTextblock || $cursor.depth < 2) return slice
  const container = $cursor.node(-1)
  const paragraph = $cursor.parent.type.schema.nodes.paragraph
  let isFlat = true
  content.forEach((node) => {
    if (!node.isTextblock) isFlat = false
  })
  if (!isFlat || !paragraph || container.type.contentMatch.matchType(paragraph)) return slice

  // The first block merges into the block at the cursor when the slice is open at its start.
  const merged = slice.openStart > 0 ? 1 : 0
  let match = container.contentMatchAt($cursor.index(-1) + 1)
  const blocks: PMNode[] = []
  for (let i = 0; i < content.childCount; i++) {
    const node = content.child(i)
    if (i < merged) {
      blocks.push(node)
      continue
    }
    if (node.type !== paragraph) {
      // Our own blocks (copied actions, say) keep their kind; if they do not fit, ProseMirror
      // places them as it would have.
      const next = match.matchType(node.type)
      if (!next) return slice
      blocks.push(node)
      match = next
      continue
    }
    const type = match.matchType($cursor.parent.type) ? $cursor.parent.type : match.defaultType
    const next = type?.isTextblock ? match.matchType(type) : null
    if (!type || !next) return flatten(slice)
    blocks.push(type.create(node.attrs, node.content, node.marks))
    match = next
  }
  // Unless the slice is open at its end, the rest of the block at the cursor follows as it is.
  if (slice.openEnd === 0) {
    const tail = match.matchType($cursor.parent.type)
    if (!tail) return flatten(slice)
    match = tail
  }
  // What follows in the container must still fit after the pasted blocks.
  const rest = match.matchFragment(container.content, $cursor.index(-1) + 1)
  if (!rest?.validEnd) return flatten(slice)
  return new Slice(Fragment.from(blocks), slice.openStart, slice.openEnd)
}

/** The slice's blocks as one run of text, separated by spaces, for a block that holds one line. */
function flatten(slice: Slice): Slice {
  const inline: PMNode[] = []
  slice.content.forEach((block, _offset, index) => {
    if (index > 0 && block.content.size > 0) inline.push(block.type.schema.text(' '))
    block.content.forEach((node) => inline.push(node))
  })
  return new Slice(Fragment.from(inline), 0, 0)
}
