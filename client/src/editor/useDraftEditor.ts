import { DRAFT_FRAGMENT, LAST_REVISION_MAP, numberingBaseIn } from '../../../shared/draft/index.ts'
import { useEffect, useRef, useState } from 'react'
import { useEditor, type Editor } from '@tiptap/react'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { draftExtensions } from '../../../shared/schema/index.ts'
import type { CollabSession } from '../collab/CollabSession.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { remoteCaretAwareness } from './remoteCaretAwareness.ts'
import { renderCaret, type CaretUser } from './carets.ts'
import { DraftNumbering } from '../numbering/numberingPlugin.ts'
import { DraftCommands } from './DraftCommands.ts'
import { AdRefGuard } from './adRefGuard.ts'
import { Brackets } from './brackets/Brackets.ts'
import { useBracketMessages } from './brackets/useBracketMessages.ts'
import { numberingLabels } from '../numbering/numberingLabels.ts'
import { useSuggestingExtensions, useSuggestingMode } from './suggesting/useSuggesting.ts'
import { useUndoKeepsDecisions } from './undoKeepsDecisions.ts'

interface DraftEditorOptions {
  session: CollabSession
  /** The signed-in user as the others see them beside the caret. */
  user: CaretUser
  /** The user may only read (the server's policies): the editor never becomes editable. */
  isReadOnly: boolean
  /** The language of the text itself, for spelling and hyphenation. */
  textLanguage: string
  /** Whose proposals the user makes (`FRA`, `co-facilitators`), or null if none. */
  proposer: string | null
  /** Co-facilitators may edit directly; a delegation's changes are always proposals. */
  mayEditDirectly: boolean
}

/**
 * The Tiptap editor of the live draft, bound to the session's Yjs document. No UndoRedo:
 * Collaboration brings its own undo, which only undoes this user's changes, and never reaches
 * back past a decision (`useUndoKeepsDecisions`).
 */
export function useDraftEditor({
  session,
  user,
  isReadOnly,
  textLanguage,
  proposer,
  mayEditDirectly,
}: DraftEditorOptions): {
  editor: Editor
  isLoaded: boolean
} {
  const { t } = useI18n()
  const bracketLabels = useBracketMessages()
  const coFacilitatorsLabel = useRef(t.coFacilitatorsShort)
  const fragment = session.doc.getXmlFragment(DRAFT_FRAGMENT)
  const [isLoaded, setIsLoaded] = useState(() => fragment.length > 0)
  const suggestingExtensions = useSuggestingExtensions(session)

  const editor = useEditor(
    {
      extensions: [
        ...draftExtensions,
        Collaboration.configure({
          document: session.doc,
          field: DRAFT_FRAGMENT,
          provider: session.provider,
        }),
        CollaborationCaret.configure({
          provider: { awareness: remoteCaretAwareness(session.provider.awareness) },
          user,
          render: (remote) => renderCaret(remote, () => coFacilitatorsLabel.current),
        }),
        DraftNumbering.configure({ labels: numberingLabels(t) }),
        DraftCommands,
        AdRefGuard,
        Brackets.configure({ labels: bracketLabels }),
        ...suggestingExtensions,
      ],
      // Markdown-like shortcuts (`*x*` to italic) would surprise in a treaty text.
      enableInputRules: false,
      editable: isLoaded && !isReadOnly,
      editorProps: {
        attributes: {
          class: 'draft-text',
          lang: textLanguage,
          'aria-label': t.editorLabel,
          'data-testid': 'draft-editor',
        },
      },
    },
    // The editor lives as long as the session; language, user and rights are updated in place.
    [session],
  )

  useSuggestingMode(editor, proposer, mayEditDirectly)
  useUndoKeepsDecisions(editor, session.doc)

  useEffect(() => {
    editor.commands.setBracketLabels(bracketLabels)
  }, [editor, bracketLabels])

  useEffect(() => {
    coFacilitatorsLabel.current = t.coFacilitatorsShort
    editor.commands.setNumberingLabels(numberingLabels(t))
  }, [editor, t])

  // Numbers are consolidated against the last revision published from the draft: live, so
  // that publishing one renumbers every open editor at once.
  useEffect(() => {
    const lastRevision = session.doc.getMap(LAST_REVISION_MAP)
    const update = () => {
      // A refused change replaces the session: this editor may be gone by then.
      if (!editor.isDestroyed) editor.commands.setNumberingBase(numberingBaseIn(lastRevision))
    }
    update()
    lastRevision.observe(update)
    return () => lastRevision.unobserve(update)
  }, [editor, session])

  const { name, delegation, color } = user
  useEffect(() => {
    editor.commands.updateUser({ name, delegation, color })
  }, [editor, name, delegation, color])

  // Until the first content arrives (offline copy or server), an empty document would be a
  // filler section that typing would turn into real content: stay read-only until then.
  useEffect(() => {
    if (isLoaded) return
    const check = () => {
      if (fragment.length > 0 || session.provider.synced) setIsLoaded(true)
    }
    check()
    session.doc.on('update', check)
    session.provider.on('sync', check)
    return () => {
      session.doc.off('update', check)
      session.provider.off('sync', check)
    }
  }, [fragment, isLoaded, session])

  useEffect(() => {
    editor.setEditable(isLoaded && !isReadOnly)
  }, [editor, isLoaded, isReadOnly])

  return { editor, isLoaded }
}
