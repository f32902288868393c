import { useEditor, type Editor } from '@tiptap/react'
import { draftExtensions } from '../../../shared/schema/index.ts'
import { useRequest } from '../api/useRequest.ts'
import { DraftNumbering } from '../numbering/numberingPlugin.ts'
import { numberingLabels } from '../numbering/numberingLabels.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'
import { fetchRevisionDocument } from '../api/revisions.ts'

/** The text a running silence procedure circulated, ready to show in the room. */
export interface CirculatedText {
  editor: Editor
  symbol: string | null
  isLoaded: boolean
}

/**
 * The circulated revision in a read-only editor of the draft's own schema and numbering: during
 * a silence procedure delegations read what they are asked to approve, not the live draft
 * with its open proposals. Null `revisionId`: no procedure runs, nothing is fetched.
 */
export function useCirculatedText(
  negotiationId: string,
  revisionId: string | null,
  textLanguage: string,
): CirculatedText {
  const t = useSilenceMessages()
  const { t: common } = useI18n()
  const revision = useRequest(revisionId, () => fetchRevisionDocument(negotiationId, revisionId!))
  const ready = revision.status === 'ready' ? revision.value : null
  const editor = useEditor(
    {
      extensions: [
        ...draftExtensions,
        DraftNumbering.configure({ labels: numberingLabels(common) }),
      ],
      content: ready?.document ?? null,
      editable: false,
      editorProps: {
        attributes: {
          class: 'draft-text',
          lang: textLanguage,
          'aria-label': ready ? t.circulatedTextLabel(ready.symbol) : common.editorLabel,
          'data-testid': 'circulated-text',
        },
      },
    },
    [ready],
  )
  return { editor, symbol: ready?.symbol ?? null, isLoaded: ready !== null }
}
