import type { Page } from 'playwright-core'

/** What has the keyboard focus, as a test names it. */
export interface FocusedElement {
  tag: string
  testId: string | null
  /** Its accessible text: aria-label, else its text content (trimmed, first 80 characters). */
  name: string
  /** Whether a focus indicator is drawn: an outline or a box-shadow, not `none`. */
  isIndicated: boolean
  /** Whether it is inside the window, not hidden under something else. */
  isOnScreen: boolean
}

/** The focused element of the page, with whether a user can see it has the focus. */
export async function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!(element instanceof HTMLElement) || element === document.body) {
      return { tag: 'body', testId: null, name: '', isIndicated: false, isOnScreen: false }
    }
    const style = getComputedStyle(element)
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    const hasShadow = style.boxShadow !== 'none'
    const box = element.getBoundingClientRect()
    // The part of it inside the window (a long text is partly scrolled away): its middle must
    // be the element itself, not a sticky header or a dialog laid over it.
    const top = Math.max(box.top, 0)
    const bottom = Math.min(box.bottom, innerHeight)
    const left = Math.max(box.left, 0)
    const right = Math.min(box.right, innerWidth)
    const hit =
      bottom > top && right > left
        ? document.elementFromPoint((left + right) / 2, (top + bottom) / 2)
        : null
    const isOnScreen = hit !== null && (element.contains(hit) || hit.contains(element))
    return {
      tag: element.tagName.toLowerCase(),
      testId: element.getAttribute('data-testid'),
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 80),
      isIndicated: hasOutline || hasShadow,
      isOnScreen,
    }
  })
}

/** Whether the focused element is inside the element that `selector` finds. */
export async function isFocusInside(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((found) => {
    const container = document.querySelector(found)
    return container !== null && container.contains(document.activeElement)
  }, selector)
}

/** Presses Tab (or Shift+Tab) `times` times, checking after each that focus stays inside. */
export async function tabsStayInside(
  page: Page,
  selector: string,
  { times, isBackwards = false }: { times: number; isBackwards?: boolean },
): Promise<boolean> {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(isBackwards ? 'Shift+Tab' : 'Tab')
    if (!(await isFocusInside(page, selector))) return false
  }
  return true
}
