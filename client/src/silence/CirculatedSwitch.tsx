import { useSilenceMessages } from './useSilenceMessages.ts'

interface CirculatedSwitchProps {
  symbol: string
  isShowingLive: boolean
  onShowLive: (isShowingLive: boolean) => void
}

/**
 * While a silence procedure runs: which text the room shows, the circulated revision (the
 * default: what delegations are asked to approve) or the live draft, frozen meanwhile.
 */
export function CirculatedSwitch({ symbol, isShowingLive, onShowLive }: CirculatedSwitchProps) {
  const t = useSilenceMessages()
  const option = (isLive: boolean, label: string, testId: string) => (
    <button
      type="button"
      className="circulated-switch-option"
      aria-pressed={isShowingLive === isLive}
      data-testid={testId}
      onClick={() => onShowLive(isLive)}
    >
      {label}
    </button>
  )
  return (
    <div className="circulated-switch" role="group" aria-label={t.circulatedTextNote}>
      {option(false, t.showCirculatedText(symbol), 'show-circulated')}
      {option(true, t.showLiveDraft, 'show-live-draft')}
    </div>
  )
}
