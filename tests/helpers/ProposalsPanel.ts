import type { Locator } from 'playwright-core'
import type { DraftPage } from './DraftPage.ts'

/** A proposal as the panel lists it. */
export interface ListedProposal {
  id: string
  delegation: string
  status: string
  change: string
  supporters: string
}

/**
 * The proposals beside the text, and the proposals in the text, as one user sees them: in the
 * words of the page (objective 7, a delegation's proposal, its supporters).
 */
export class ProposalsPanel {
  constructor(readonly draft: DraftPage) {}

  get root(): Locator {
    return this.draft.page.getByTestId('proposals-panel')
  }

  /** The item of proposal `id`. */
  item(id: string): Locator {
    return this.root.locator(`[data-testid="proposal-item"][data-proposal-id="${id}"]`)
  }

  /** The items in the group of objective `n`. */
  itemsOfObjective(n: number): Locator {
    return this.root.getByTestId(`proposals-group-${n}`).getByTestId('proposal-item')
  }

  async filter(by: 'objective' | 'delegation' | 'status', value: string): Promise<void> {
    await this.root.getByTestId(`filter-${by}`).selectOption(value)
  }

  /** Every listed proposal, in order. */
  async list(): Promise<ListedProposal[]> {
    return this.root.getByTestId('proposal-item').evaluateAll((items) =>
      items.map((item) => ({
        id: item.getAttribute('data-proposal-id') ?? '',
        delegation: item.getAttribute('data-delegation') ?? '',
        status: item.getAttribute('data-status') ?? '',
        change: item.querySelector('[data-testid="proposal-change"]')?.textContent ?? '',
        supporters: item.querySelector('[data-testid="proposal-supporters"]')?.textContent ?? '',
      })),
    )
  }

  /** The open-proposal count of objective `n` in the outline ('' when none). */
  async outlineCount(n: number): Promise<string> {
    const badge = this.draft.page.getByTestId(`outline-open-count-${n}`)
    return (await badge.count()) > 0 ? ((await badge.textContent()) ?? '') : ''
  }

  /** The marks of a block: each proposed insertion or deletion with its delegation and colour. */
  async marksIn(
    block: Locator,
  ): Promise<{ kind: string; delegation: string; text: string; color: string }[]> {
    return block.locator('ins.proposal-insertion, del.proposal-deletion').evaluateAll((marks) =>
      marks.map((mark) => {
        const channels = getComputedStyle(mark).textDecorationColor.match(/\d+/g) ?? []
        const hex = channels
          .slice(0, 3)
          .map((channel) => Number(channel).toString(16).padStart(2, '0'))
          .join('')
        return {
          kind: mark.tagName.toLowerCase(),
          delegation: mark.getAttribute('data-delegation') ?? '',
          text: mark.textContent ?? '',
          color: `#${hex}`,
        }
      }),
    )
  }
}

/**
 * Selects the first occurrence of `text` in a block, as a double-click or a drag would, and
 * waits until the editor has read the selection.
 */
export async function selectText(draft: DraftPage, block: Locator, text: string): Promise<void> {
  await block.evaluate((element, wanted) => {
    const editor = element.closest<HTMLElement>('.ProseMirror')
    editor?.focus()
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('[contenteditable="false"]')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    })
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1
      if (index < 0) continue
      const range = document.createRange()
      range.setStart(node, index)
      range.setEnd(node, index + wanted.length)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      return
    }
    throw new Error(`"${wanted}" is not in one text node of the block`)
  }, text)
  await draft.page.waitForFunction((wanted) => window.getSelection()?.toString() === wanted, text)
}
