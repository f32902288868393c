import { useAmendmentMessages } from './useAmendmentMessages.ts'
import type { AmendmentReport } from '../api/amendments.ts'

/** The preview: the counts, then one row per change of the file, paragraph by paragraph. */
export function AmendmentPreview({ report }: { report: AmendmentReport }) {
  const t = useAmendmentMessages()
  const rows = report.paragraphs.flatMap((paragraph) =>
    paragraph.changes.map((change, index) => ({
      paragraph,
      change,
      key: `${paragraph.index}-${index}`,
    })),
  )
  return (
    <div className="word-import-preview" data-testid="word-import-report">
      <p className="word-import-counts" data-testid="word-import-counts">
        {t.wordImportCounts(report.counts)}
      </p>
      {rows.length === 0 ? (
        <p>{t.wordImportNothing}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.wordImportParagraph}</th>
              <th scope="col">{t.wordImportChange}</th>
              <th scope="col">{t.wordImportDelegation}</th>
              <th scope="col">{t.wordImportOutcome}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ paragraph, change, key }) => (
              <tr key={key} data-status={change.status}>
                <td>{paragraph.index}</td>
                <td>
                  <span className="word-import-kind">{t.wordImportKinds[change.kind]}</span>{' '}
                  {change.deleted && <del>{change.deleted}</del>}{' '}
                  {change.inserted && <ins>{change.inserted}</ins>}
                  {paragraph.untrackedEdits && (
                    <span className="word-import-note"> ({t.wordImportUntracked})</span>
                  )}
                </td>
                <td>{change.delegation}</td>
                <td title={change.reason ?? undefined}>{t.wordImportStatus[change.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
