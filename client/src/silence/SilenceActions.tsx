interface SilenceActionsProps {
  /** Why the last request failed, shown above the buttons. */
  error?: string | null
  /** The button that goes back, if any: cancel, keep the procedure, edit the statement. */
  back?: { label: string; onClick: () => void; isAutoFocused?: boolean; isDisabled?: boolean }
  /** The main button: the form's submit button, unless it has its own `onClick`. */
  main: {
    label: string
    testId: string
    isDisabled: boolean
    isDanger?: boolean
    onClick?: () => void
  }
}

/** The foot of a silence dialog: the error, if any, then going back and going ahead. */
export function SilenceActions({ error, back, main }: SilenceActionsProps) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert" data-testid="silence-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {back && (
          <button
            type="button"
            className="button"
            autoFocus={back.isAutoFocused}
            disabled={back.isDisabled}
            onClick={back.onClick}
          >
            {back.label}
          </button>
        )}
        <button
          type={main.onClick ? 'button' : 'submit'}
          className={`button button-primary${main.isDanger ? ' button-danger' : ''}`}
          data-testid={main.testId}
          disabled={main.isDisabled}
          onClick={main.onClick}
        >
          {main.label}
        </button>
      </div>
    </>
  )
}
