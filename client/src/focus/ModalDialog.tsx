import { useId, useRef, type ReactNode } from 'react'
import { useFocusTrap } from './useFocusTrap.ts'

interface ModalDialogProps {
  title: string
  testId: string
  onClose: () => void
  /** Classes beside `dialog` (its width, its feature's look). */
  className?: string
  children: ReactNode
}

/**
 * A modal dialog over the page: titled by its heading, the keyboard kept inside until it closes
 * (Escape closes it), the focus given back to the control that opened it.
 */
export function ModalDialog({ title, testId, onClose, className, children }: ModalDialogProps) {
  const titleId = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  useFocusTrap(dialogRef, { isActive: true, onEscape: onClose })
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  )
}
