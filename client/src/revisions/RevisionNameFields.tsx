import { useRevisionMessages } from './useRevisionMessages.ts'

interface RevisionNameFieldsProps {
  /** `publish` or `import`: the prefix of the fields' test ids. */
  form: string
  symbol: string
  title: string
  onSymbolChange: (symbol: string) => void
  onTitleChange: (title: string) => void
  /** The symbol suggested when the field is empty (e.g. "Rev.2"). */
  symbolPlaceholder?: string
  symbolHint?: string
}

/** The symbol ("Rev.1") and title of a revision being published or imported. */
export function RevisionNameFields(props: RevisionNameFieldsProps) {
  const t = useRevisionMessages()
  return (
    <div className="revisions-form-row">
      <label className="field revisions-symbol-field">
        {t.revisionSymbol}
        <input
          value={props.symbol}
          onChange={(event) => props.onSymbolChange(event.target.value)}
          placeholder={props.symbolPlaceholder}
          title={props.symbolHint}
          required
          maxLength={40}
          data-testid={`${props.form}-symbol`}
        />
      </label>
      <label className="field revisions-title-field">
        {t.revisionTitle}
        <input
          value={props.title}
          onChange={(event) => props.onTitleChange(event.target.value)}
          required
          maxLength={300}
          data-testid={`${props.form}-title`}
        />
      </label>
    </div>
  )
}
