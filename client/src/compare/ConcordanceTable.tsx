import { useState } from 'react'
import type { ConcordanceRow } from '../../../shared/concordance.ts'
import { useRequest } from '../api/useRequest.ts'
import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'
import { fetchConcordance } from '../api/revisions.ts'

interface ConcordanceTableProps {
  negotiationId: string
  from: string
  to: string
  labels: { from: string; to: string }
}

/** The concordance of the two compared texts, one row per paragraph or action. */
export function ConcordanceTable({ negotiationId, from, to, labels }: ConcordanceTableProps) {
  const t = useRevisionMessages()
  const [isChangesOnly, setChangesOnly] = useState(false)
  const state = useRequest(JSON.stringify([negotiationId, from, to]), () =>
    fetchConcordance(negotiationId, from, to),
  )
  if (state.status === 'error') {
    return (
      <p className="form-error compare-message" role="alert">
        {t.concordanceFailed(state.message)}
      </p>
    )
  }
  if (state.status !== 'ready') {
    return (
      <p className="compare-message" role="status">
        {t.compareLoading}
      </p>
    )
  }
  const { rows } = state.value
  const changes = rows.filter((row) => row.fate !== 'unchanged')
  const shown = isChangesOnly ? changes : rows
  return (
    <>
      <div className="concordance-bar">
        <p className="concordance-count" data-testid="concordance-count">
          {t.concordanceCount(rows.length, changes.length)}
        </p>
        <label className="concordance-filter">
          <input
            type="checkbox"
            checked={isChangesOnly}
            onChange={(event) => setChangesOnly(event.target.checked)}
            data-testid="concordance-changes-only"
          />
          {t.concordanceChangesOnly}
        </label>
      </div>
      <table className="concordance" data-testid="concordance">
        <caption className="visually-hidden">{t.compareViewConcordance}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.from}</th>
            <th scope="col">{labels.to}</th>
            <th scope="col">{t.concordanceText}</th>
            <th scope="col">{t.concordanceFateColumn}</th>
            <th scope="col">{t.concordanceDelegations}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row, index) => (
            <Row key={index} row={row} />
          ))}
        </tbody>
      </table>
    </>
  )
}

function Row({ row }: { row: ConcordanceRow }) {
  const t = useRevisionMessages()
  return (
    <tr className={`is-${row.fate}`} data-testid="concordance-row" data-fate={row.fate}>
      <td className="concordance-number">{row.fromNumbers.join(' + ') || '—'}</td>
      <td className="concordance-number">{row.toNumbers.join(' + ') || '—'}</td>
      <td className="concordance-excerpt">{row.excerpt}</td>
      <td>
        {row.fate === 'unchanged' ? (
          t.concordanceFate.unchanged
        ) : (
          <span className={`compare-badge is-${row.fate}`}>{t.concordanceFate[row.fate]}</span>
        )}
      </td>
      <td>{row.delegations.join(', ')}</td>
    </tr>
  )
}
