import { Extension } from '@tiptap/core'
import { insertAction, insertObjective, insertParagraph } from './blockInsertions.ts'

/** The toolbar's structural insertions as Tiptap commands (so `editor.can()` works). */
export const DraftCommands = Extension.create({
  name: 'draftBlocks',
  addCommands: () => ({
    insertParagraphAfter:
      () =>
      ({ tr, dispatch }) =>
        insertParagraph(tr, dispatch !== undefined),
    insertActionAfter:
      () =>
      ({ tr, dispatch }) =>
        insertAction(tr, dispatch !== undefined),
    insertObjectiveAfter:
      () =>
      ({ tr, dispatch }) =>
        insertObjective(tr, dispatch !== undefined),
  }),
})
