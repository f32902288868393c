import './zodConfig.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nProvider } from './i18n/I18nProvider.tsx'
import { App } from './room/App.tsx'
import './styles/base.css'
import './styles/header.css'
import './styles/workspace.css'
import './styles/page.css'
import './styles/outline.css'
import './styles/carets.css'
import './styles/feedback.css'
import './styles/drawer.css'
import './styles/account.css'
import './styles/console.css'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  )
}
