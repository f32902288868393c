import type { EditorView } from '@tiptap/pm/view'

/** Proposed text in the editor's DOM, as the insertion and deletion marks render it. */
const MARKED = 'ins.proposal-insertion[data-proposal], del.proposal-deletion[data-proposal]'
/** Distance from the pointer, so that the tooltip does not cover the words it describes. */
const OFFSET_PX = 14

/** A mark's proposal as its DOM tells it. */
export interface MarkedProposal {
  proposalId: string
  delegation: string
  isDeletion: boolean
}

/**
 * The tooltip of proposed text ("Proposition FRA · Ouverte · par Amélie Laurent"), shown while
 * the pointer is over it, with a line per proposal when proposals overlap.
 *
 * Not a `title` decoration on every proposal: those were rebuilt in the paragraph being typed
 * at every keystroke, and rebuilding the one around the text being typed made the editor replace
 * that text's DOM node and set the selection again, a forced layout of the whole draft per
 * keystroke. This costs nothing until the pointer moves over a proposal.
 */
export function proposalTooltip(
  view: EditorView,
  describe: (proposal: MarkedProposal) => string,
): { destroy: () => void } {
  const tooltip = document.createElement('div')
  tooltip.className = 'proposal-tooltip'
  tooltip.setAttribute('role', 'tooltip')
  tooltip.dataset.testid = 'proposal-tooltip'
  tooltip.hidden = true
  document.body.append(tooltip)

  const hide = () => {
    tooltip.hidden = true
  }
  const show = (event: MouseEvent) => {
    const lines: string[] = []
    const target = event.target instanceof Element ? event.target : null
    for (let element = target?.closest(MARKED); element;) {
      if (!view.dom.contains(element) || !(element instanceof HTMLElement)) break
      const { proposal, delegation } = element.dataset
      if (proposal && delegation) {
        const line = describe({
          proposalId: proposal,
          delegation,
          isDeletion: element.localName === 'del',
        })
        if (line && !lines.includes(line)) lines.push(line)
      }
      element = element.parentElement?.closest(MARKED) ?? null
    }
    if (lines.length === 0) {
      hide()
      return
    }
    tooltip.textContent = lines.join('\n')
    tooltip.hidden = false
    // Below and right of the pointer, kept inside the window.
    const { width, height } = tooltip.getBoundingClientRect()
    const left = Math.min(event.clientX + OFFSET_PX, window.innerWidth - width - 4)
    const top =
      event.clientY + OFFSET_PX + height < window.innerHeight
        ? event.clientY + OFFSET_PX
        : event.clientY - OFFSET_PX - height
    tooltip.style.left = `${Math.max(4, left)}px`
    tooltip.style.top = `${Math.max(4, top)}px`
  }

  // Placed by the pointer, not the text: when the page scrolls under a resting pointer, the
  // browser sends mouseover for what is now under it, which moves or hides the tooltip.
  view.dom.addEventListener('mouseover', show)
  view.dom.addEventListener('mouseleave', hide)
  view.dom.addEventListener('keydown', hide)
  return {
    destroy: () => {
      view.dom.removeEventListener('mouseover', show)
      view.dom.removeEventListener('mouseleave', hide)
      view.dom.removeEventListener('keydown', hide)
      tooltip.remove()
    },
  }
}
