import { useActivityMessages } from './useActivityMessages.ts'

/** Opens the activity feed; shows how many events the user has not seen. */
export function ActivityButton(props: { unread: number; isOpen: boolean; onToggle: () => void }) {
  const t = useActivityMessages()
  return (
    <button
      type="button"
      className="button activity-button"
      aria-expanded={props.isOpen}
      data-testid="activity-button"
      onClick={props.onToggle}
    >
      {t.button}
      {props.unread > 0 && (
        <span className="activity-unread" data-testid="activity-unread">
          <span aria-hidden="true">{props.unread}</span>
          <span className="visually-hidden">{t.unread(props.unread)}</span>
        </span>
      )}
    </button>
  )
}
