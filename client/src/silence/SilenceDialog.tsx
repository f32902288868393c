import { useId, type ReactNode } from 'react'

interface SilenceDialogProps {
  title: string
  testId: string
  onClose: () => void
  isWide?: boolean
  children: ReactNode
}

/** A modal dialog of the silence procedure; Escape closes it, as the other dialogs do. */
export function SilenceDialog({
  title,
  testId,
  onClose,
  isWide = false,
  children,
}: SilenceDialogProps) {
  const titleId = useId()
  return (
    <div className="dialog-backdrop">
      <div
        className={`dialog silence-dialog${isWide ? ' dialog-wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose()
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  )
}
