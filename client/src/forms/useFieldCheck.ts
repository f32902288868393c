import { useCallback, useRef, useState, type RefObject } from 'react'
import type { FieldErrors } from './fieldErrors.ts'

/**
 * When a form shows its fields' errors: a field once the user has left it, every field once the
 * form was sent. Sending with errors moves the focus to the first field to correct, whose
 * error is read out with it.
 */
export function useFieldCheck<Name extends string>(
  errors: FieldErrors<Name>,
): {
  formRef: RefObject<HTMLFormElement | null>
  shown: (name: Name) => string | null
  handleBlur: (name: Name) => void
  /** True when the form may be sent; otherwise shows every error and focuses the first. */
  isSendable: () => boolean
  reset: () => void
} {
  const formRef = useRef<HTMLFormElement>(null)
  const [isSent, setIsSent] = useState(false)
  const [left, setLeft] = useState<ReadonlySet<Name>>(new Set())
  const hasErrors = Object.values(errors).some(Boolean)

  const shown = (name: Name) => ((isSent || left.has(name)) && errors[name]) || null
  const handleBlur = useCallback((name: Name) => {
    setLeft((current) => (current.has(name) ? current : new Set(current).add(name)))
  }, [])
  const isSendable = () => {
    if (!hasErrors) return true
    setIsSent(true)
    // After React has drawn the errors (and marked the fields invalid).
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
    })
    return false
  }
  const reset = useCallback(() => {
    setIsSent(false)
    setLeft(new Set())
  }, [])
  return { formRef, shown, handleBlur, isSendable, reset }
}
