import type { ReactNode } from 'react'
import { ModalDialog } from '../focus/ModalDialog.tsx'

interface SilenceDialogProps {
  title: string
  testId: string
  onClose: () => void
  isWide?: boolean
  children: ReactNode
}

/** A modal dialog of the silence procedure, in the silence procedure's look. */
export function SilenceDialog({
  title,
  testId,
  onClose,
  isWide = false,
  children,
}: SilenceDialogProps) {
  return (
    <ModalDialog
      title={title}
      testId={testId}
      onClose={onClose}
      className={`silence-dialog${isWide ? ' dialog-wide' : ''}`}
    >
      {children}
    </ModalDialog>
  )
}
