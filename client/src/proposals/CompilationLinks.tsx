import { useProposalMessages } from './useProposalMessages.ts'

/**
 * The compilation of proposals (HTML to read, Word to circulate), filtered as the panel is:
 * what a co-facilitator sees in the panel is what the document holds.
 */
export function CompilationLinks(props: {
  negotiationId: string
  /** An objective's number, or null for all (the panel's "outside objectives" gives all). */
  objective: number | null
  delegation: string | null
  status: string | null
}) {
  const t = useProposalMessages()
  const url = (format: 'html' | 'docx') => {
    const query = new URLSearchParams({ format })
    if (props.objective !== null) query.set('objective', String(props.objective))
    if (props.delegation) query.set('delegation', props.delegation)
    if (props.status) query.set('status', props.status)
    return `/api/negotiations/${encodeURIComponent(props.negotiationId)}/proposals/compilation?${query}`
  }
  return (
    <p className="proposals-compilation" data-testid="compilation-links">
      <span>{t.compilation}</span>
      <a href={url('html')} target="_blank" rel="noopener" data-testid="compilation-html">
        {t.compilationHtml}
      </a>
      <a href={url('docx')} download data-testid="compilation-docx">
        {t.compilationDocx}
      </a>
    </p>
  )
}
