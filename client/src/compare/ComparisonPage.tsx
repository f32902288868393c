import { useState, type ReactNode } from 'react'
import type { NegotiationDetail } from '../../../shared/api.ts'
import type { RevisionSummary } from '../../../shared/revisions.ts'
import { useRevisionMessages } from '../revisions/useRevisionMessages.ts'
import { LIVE } from '../api/revisions.ts'
import type { RevisionsState } from '../revisions/useRevisions.ts'
import { useRounds } from '../revisions/useRounds.ts'
import type { CompareMode } from './ComparedBlock.tsx'
import { ComparisonView } from './ComparisonView.tsx'
import { ModeSwitch } from './ModeSwitch.tsx'
import { QuickChoices } from './QuickChoices.tsx'
import { quickSidesOf } from './quickSides.ts'
import { SidePicker } from './SidePicker.tsx'
import { useCompareSides, type CompareSides } from './useCompareSides.ts'
import { useComparison } from './useComparison.ts'
import { ViewSwitch, type CompareView } from './ViewSwitch.tsx'

interface ComparisonPageProps {
  negotiation: NegotiationDetail
  revisions: RevisionsState
}

/** Two texts of the negotiation compared: pick them, read the differences, export them. */
export function ComparisonPage({ negotiation, revisions }: ComparisonPageProps) {
  const t = useRevisionMessages()
  const list = revisions.status === 'ready' ? revisions.revisions : null
  const { sides, choose } = useCompareSides(negotiation.id, list)
  const [mode, setMode] = useState<CompareMode>('inline')
  const [view, setView] = useState<CompareView>('text')
  const [attempt, setAttempt] = useState(0)
  const state = useComparison(negotiation.id, sides, attempt)
  const { rounds } = useRounds(negotiation.id)

  const pickers = list && sides && (
    <>
      <Pickers revisions={list} sides={sides} onChange={choose} />
      <QuickChoices quick={quickSidesOf(list, rounds)} sides={sides} onChoose={choose} />
    </>
  )
  const modeSwitch = (
    <>
      <ViewSwitch view={view} onChange={setView} />
      {view === 'text' && <ModeSwitch mode={mode} onChange={setMode} />}
    </>
  )
  const refresh =
    sides && (sides.from === LIVE || sides.to === LIVE) ? () => setAttempt((n) => n + 1) : null

  if (state.status === 'ready' && sides) {
    const { comparison } = state
    return (
      <ComparisonView
        key={`${comparison.from}:${comparison.to}`}
        negotiation={negotiation}
        comparison={comparison}
        labels={{
          from: labelOf(comparison.from, list, t.liveDraft),
          to: labelOf(comparison.to, list, t.liveDraft),
        }}
        mode={mode}
        view={view}
        controls={
          <>
            {pickers}
            {modeSwitch}
          </>
        }
        onRefresh={refresh}
      />
    )
  }

  let message: ReactNode = t.compareLoading
  if (revisions.status === 'error') message = t.revisionsLoadFailed(revisions.message)
  else if (list && !sides) message = t.compareNeedsRevision
  else if (state.status === 'error') message = t.compareLoadFailed(state.message)
  const isError = revisions.status === 'error' || state.status === 'error'
  return (
    <main className="compare" data-testid="compare-page">
      <div className="compare-toolbar">
        <div className="compare-toolbar-group">
          {pickers}
          {modeSwitch}
        </div>
      </div>
      <p
        className={isError ? 'form-error compare-message' : 'compare-message'}
        role={isError ? 'alert' : 'status'}
      >
        {message}
      </p>
    </main>
  )
}

/** A side's name for people: the revision's symbol, or "Live draft". */
function labelOf(id: string, revisions: readonly RevisionSummary[] | null, live: string): string {
  if (id === LIVE) return live
  return revisions?.find((revision) => revision.id === id)?.symbol ?? id
}

function Pickers({
  revisions,
  sides,
  onChange,
}: {
  revisions: readonly RevisionSummary[]
  sides: CompareSides
  onChange: (sides: CompareSides) => void
}) {
  const t = useRevisionMessages()
  return (
    <div className="compare-pickers">
      <SidePicker
        label={t.compareFrom}
        value={sides.from}
        revisions={revisions}
        onChange={(from) => onChange({ ...sides, from })}
        testId="compare-from"
        otherValue={sides.to}
      />
      <span className="compare-arrow" aria-hidden="true">
        →
      </span>
      <SidePicker
        label={t.compareTo}
        value={sides.to}
        revisions={revisions}
        onChange={(to) => onChange({ ...sides, to })}
        testId="compare-to"
        otherValue={sides.from}
      />
    </div>
  )
}
