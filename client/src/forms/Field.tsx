import { useId, type ReactElement } from 'react'
import { useFormMessages } from './useFormMessages.ts'
import './forms.css'

/** What the field's control needs to be bound to its label, hint and error. */
export interface FieldControl {
  id: string
  'aria-describedby': string | undefined
  'aria-invalid': boolean
  'aria-required': boolean | undefined
}

interface FieldProps {
  label: string
  /** What the value must look like, said before the user gets it wrong. */
  hint?: string
  /** Why the value is refused, in the UI language; null while it is fine or not yet checked. */
  error?: string | null
  isRequired?: boolean
  /** Classes beside `field` (its width in the form). */
  className?: string
  /** The control, spread with `control` (an input, a select, a textarea). */
  children: (control: FieldControl) => ReactElement
}

/**
 * A labelled form field: the label bound to its control, "(required)" in words, the hint and
 * the error read out with the control (aria-describedby), the error in the UI language instead
 * of the browser's own bubbles (forms using it say `noValidate`).
 */
export function Field({ label, hint, error, isRequired = false, className, children }: FieldProps) {
  const t = useFormMessages()
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ')
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>
        {label}
        {isRequired && (
          <>
            {' '}
            <span className="required-mark">{t.required}</span>
          </>
        )}
      </label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': Boolean(error),
        'aria-required': isRequired || undefined,
      })}
      {hint && (
        <small id={hintId} className="field-hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId} className="field-error" data-testid="field-error">
          {error}
        </small>
      )}
    </div>
  )
}
