import { EditorContent, type Editor } from '@tiptap/react'
import { useI18n } from '../i18n/I18nContext.ts'
import './suggesting/proposalText.css'

interface DraftPageProps {
  editor: Editor
  title: string
  isLoaded: boolean
  /** A line above the text saying which text this is (the circulated revision). */
  note?: string
}

/** The draft as a UN document: a white page, the title as its heading, numbers in the margin. */
export function DraftPage({ editor, title, isLoaded, note }: DraftPageProps) {
  const { t } = useI18n()
  return (
    <article className="page" id="draft-page" tabIndex={-1} aria-busy={!isLoaded}>
      <h1 className="document-title" data-testid="document-title">
        {title}
      </h1>
      {note && (
        <p className="circulated-note banner banner-info" role="note">
          {note}
        </p>
      )}
      {!isLoaded && <p className="page-loading">{t.loadingDraft}</p>}
      <EditorContent editor={editor} className={isLoaded ? undefined : 'is-hidden'} />
    </article>
  )
}
