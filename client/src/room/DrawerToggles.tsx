import type { ReactNode } from 'react'
import { useI18n } from '../i18n/I18nContext.ts'
import type { Drawer } from './useDrawer.ts'

interface DrawerTogglesProps {
  open: Drawer | null
  onToggle: (drawer: Drawer) => void
  openProposals: number
  /** Always shown between the toggles (the way to the revisions). */
  children?: ReactNode
}

/**
 * The row above the toolbar: the way to the revisions, and the buttons that open the outline
 * and the proposals panel when they are drawers. CSS shows each button only below the width at
 * which its panel stops being a column (workspace.css).
 */
export function DrawerToggles({ open, onToggle, openProposals, children }: DrawerTogglesProps) {
  const { t } = useI18n()
  return (
    <div className="drawer-toggles">
      <button
        type="button"
        className="drawer-toggle drawer-toggle-outline"
        aria-expanded={open === 'outline'}
        aria-controls="workspace-outline"
        data-testid="toggle-outline"
        onClick={() => onToggle('outline')}
      >
        <span aria-hidden="true">☰</span> {t.showOutline}
      </button>
      {children}
      <button
        type="button"
        className="drawer-toggle drawer-toggle-proposals"
        aria-expanded={open === 'proposals'}
        aria-controls="workspace-proposals"
        data-testid="toggle-proposals"
        onClick={() => onToggle('proposals')}
      >
        {t.showProposals}
        {openProposals > 0 && <span className="drawer-toggle-count">{openProposals}</span>}
      </button>
    </div>
  )
}
