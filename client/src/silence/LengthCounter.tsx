import { useI18n } from '../i18n/I18nContext.ts'
import { useSilenceMessages } from './useSilenceMessages.ts'

/** "120 / 4 000 caractères" under a text field, numbers in the UI language's way. */
export function LengthCounter({
  id,
  length,
  max,
  testId,
}: {
  id: string
  length: number
  max: number
  testId: string
}) {
  const t = useSilenceMessages()
  const { language } = useI18n()
  const number = new Intl.NumberFormat(language)
  return (
    <span
      id={id}
      className={`field-hint silence-counter${length > max ? ' is-over' : ''}`}
      data-testid={testId}
    >
      {t.silenceLength(number.format(length), number.format(max))}
    </span>
  )
}
