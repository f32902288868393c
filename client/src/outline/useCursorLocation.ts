import { useEditorState, type Editor } from '@tiptap/react'

/** The uids of the section and the objective that hold the cursor, for the outline to mark. */
export function useCursorLocation(editor: Editor): {
  section: string | null
  objective: string | null
} {
  return useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const { $from } = current.state.selection
      let section: string | null = null
      let objective: string | null = null
      for (let depth = $from.depth; depth > 0; depth--) {
        const node = $from.node(depth)
        const uid = typeof node.attrs.uid === 'string' ? node.attrs.uid : null
        if (node.type.name === 'objective') objective = uid
        if (node.type.name === 'section') section = uid
      }
      return { section, objective }
    },
    equalityFn: (a, b) => a.section === b?.section && a.objective === b.objective,
  })
}
