import { DRAFT_FRAGMENT } from '../../shared/draft/index.ts'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import type { DraftJSON } from '../../shared/numbering.ts'

/** The draft of a Yjs document as ProseMirror JSON (what the API, revisions and exports use). */
export const draftJSONOf = (doc: Y.Doc): DraftJSON =>
  yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DRAFT_FRAGMENT)) as DraftJSON
