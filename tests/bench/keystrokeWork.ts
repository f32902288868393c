import { z } from 'zod'

/**
 * The renderer's main-thread time per keystroke, read off a Chromium trace
 * (`browser.startTracing` with `TYPING_TRACE_CATEGORIES`): from the start of the task that
 * dispatched the keystroke's `keydown` to the end of the first paint after it, the time the
 * main thread spent running tasks. Keydown-to-paint measured in the page also contains the
 * wait for the display's next frame (up to 16.7 ms at 60 Hz, whatever the page does), so a
 * bare contenteditable already misses "within one frame" that way; this is the part the page
 * is answerable for.
 */

// Not `disabled-by-default-devtools.timeline`: its DOM statistics and invalidation tracking
// slow the page down by more than what is measured.
export const TYPING_TRACE_CATEGORIES = ['devtools.timeline', 'toplevel']
/** The main thread's tasks, as the `toplevel` category names them. */
const TASK = 'ThreadControllerImpl::RunTask'

const TraceEvent = z.object({
  name: z.string(),
  ph: z.string(),
  pid: z.number(),
  tid: z.number(),
  ts: z.number(),
  dur: z.number().optional(),
  args: z.object({ data: z.object({ type: z.string().optional() }).optional() }).optional(),
})
type TraceEvent = z.infer<typeof TraceEvent>
const Trace = z.union([
  z.object({ traceEvents: z.array(z.unknown()) }),
  z.array(z.unknown()).transform((traceEvents) => ({ traceEvents })),
])

interface Span {
  start: number
  end: number
}

/** Milliseconds of main-thread work per keydown found in the trace, in order. */
export function keystrokeWork(traceJson: string): number[] {
  const events: TraceEvent[] = []
  for (const raw of Trace.parse(JSON.parse(traceJson)).traceEvents) {
    const parsed = TraceEvent.safeParse(raw)
    if (parsed.success) events.push(parsed.data)
  }
  const keydowns = events.filter(
    (e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === 'keydown',
  )
  const main = keydowns[0]
  if (!main) return []
  const onMain = (name: string): Span[] =>
    events
      .filter((e) => e.name === name && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid)
      .map((e) => ({ start: e.ts, end: e.ts + (e.dur ?? 0) }))
      .sort((a, b) => a.start - b.start)
  const tasks = onMain(TASK)
  const paints = onMain('Paint')
  const work: number[] = []
  for (const keydown of keydowns.filter((e) => e.pid === main.pid && e.tid === main.tid)) {
    const task = tasks.find((t) => t.start <= keydown.ts && keydown.ts < t.end)
    const paint = paints.find((p) => p.start > keydown.ts)
    if (!task || !paint) continue
    let busy = 0
    for (const t of tasks) {
      if (t.start >= paint.end) break
      busy += Math.max(0, Math.min(t.end, paint.end) - Math.max(t.start, task.start))
    }
    work.push(busy / 1_000)
  }
  return work
}
