import { useI18n } from '../i18n/I18nContext.ts'
import { LANGUAGES } from '../i18n/language.ts'

/** FR / EN: one button that switches to the other language. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n()
  return (
    <button
      type="button"
      className="language-switch"
      data-testid="language-switch"
      data-language={language}
      // The name says where the button goes and starts with what it shows (WCAG 2.5.3).
      title={t.languageSwitchLabel}
      onClick={() => setLanguage(language === 'fr' ? 'en' : 'fr')}
    >
      {LANGUAGES.map((code) => (
        <span key={code} className={code === language ? 'is-current' : undefined}>
          {code.toUpperCase()}{' '}
        </span>
      ))}
      <span className="visually-hidden">{t.languageSwitchLabel}</span>
    </button>
  )
}
