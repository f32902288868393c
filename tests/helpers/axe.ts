import { createRequire } from 'node:module'
import fs from 'node:fs'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
/** axe-core's browser build, read once: injected into each page checked. */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** What axe found that WCAG 2.2 AA forbids, seriously or critically: rule, impact, elements. */
export interface AxeViolation {
  id: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Runs axe-core on the page as it is, against WCAG 2.0-2.2 A and AA, and returns the serious
 * and critical violations. The source is evaluated through the browser's debugger protocol
 * (playwright's `evaluate`), which the app's Content-Security-Policy does not govern: the page
 * is checked as users get it, with its real policy.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (
          context: Document,
          options: unknown,
        ) => Promise<{
          violations: {
            id: string
            impact: string | null
            help: string
            nodes: { target: string[] }[]
          }[]
        }>
      }
    }
    const results = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
      },
    })
    return results.violations
      .filter(({ impact }) => impact === 'serious' || impact === 'critical')
      .map(({ id, impact, help, nodes }) => ({
        id,
        impact: impact ?? '',
        help,
        targets: nodes.slice(0, 5).map(({ target }) => target.join(' ')),
      }))
  })
}
