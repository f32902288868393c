import type { RevisionSummary } from '../../../shared/revisions.ts'
import { formatDateTime } from '../i18n/formatDate.ts'
import { useI18n } from '../i18n/I18nContext.ts'
import { useRevisionMessages } from './useRevisionMessages.ts'
import { AppLink } from './AppLink.tsx'
import { comparePath } from '../routes.ts'
import { LIVE, revisionExportUrl } from '../api/revisions.ts'

interface RevisionTableProps {
  negotiationId: string
  /** Oldest first; the table shows the newest first. */
  revisions: readonly RevisionSummary[]
}

/** One row per published revision: what it is, who published it, its documents, comparisons. */
export function RevisionTable({ negotiationId, revisions }: RevisionTableProps) {
  const t = useRevisionMessages()
  const { language } = useI18n()
  if (revisions.length === 0) return <p className="revisions-note">{t.revisionsEmpty}</p>

  const rows = revisions.map((revision, index) => ({ revision, previous: revisions[index - 1] }))
  return (
    <table className="revisions-table" data-testid="revision-list">
      <thead>
        <tr>
          <th scope="col">{t.revisionSymbol}</th>
          <th scope="col">{t.revisionTitle}</th>
          <th scope="col">{t.revisionDate}</th>
          <th scope="col">{t.revisionAuthor}</th>
          <th scope="col">{t.revisionSource}</th>
          <th scope="col">{t.revisionDocuments}</th>
          <th scope="col">
            <span className="visually-hidden">{t.compareTab}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.reverse().map(({ revision, previous }) => (
          <tr key={revision.id} data-testid="revision-row" data-symbol={revision.symbol}>
            <th scope="row" className="revision-symbol">
              {revision.symbol}
            </th>
            <td className="revision-title">{revision.title}</td>
            <td className="revision-date">
              <time dateTime={revision.publishedAt}>
                {formatDateTime(revision.publishedAt, language)}
              </time>
            </td>
            <td className="revision-author">{revision.author}</td>
            <td>
              <span className={`revision-source is-${revision.source}`}>
                {t.revisionSources[revision.source]}
              </span>
            </td>
            <td className="revision-documents">
              <a
                href={revisionExportUrl(negotiationId, revision.id, 'html')}
                target="_blank"
                rel="noreferrer"
                data-testid="revision-html"
              >
                HTML
              </a>
              <a
                href={revisionExportUrl(negotiationId, revision.id, 'docx')}
                download
                data-testid="revision-docx"
              >
                DOCX
              </a>
            </td>
            <td className="revision-compare">
              <AppLink
                href={comparePath(negotiationId, { from: revision.id, to: LIVE })}
                data-testid="revision-compare-live"
              >
                {t.compareWithLive}
              </AppLink>
              {previous && (
                <AppLink
                  href={comparePath(negotiationId, { from: previous.id, to: revision.id })}
                  data-testid="revision-compare-previous"
                >
                  {t.compareWithPrevious}
                </AppLink>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
