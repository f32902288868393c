import type { TextOperation } from './editingTrace.ts'

/** A run of consecutive updates replayed the same way: updates `[from, to)` of the plan. */
export interface ReplayPhase {
  from: number
  to: number
  keystrokesPerUpdate: number
}

/** The trace's edits as the typist's updates, in three phases. */
export interface ReplayPlan {
  updates: TextOperation[][]
  /** Not measured: warms up the fresh server process and the clients (JIT, caches). */
  warmUp: ReplayPhase
  /** One keystroke per update, at a fixed rate: latency at a realistic pace. */
  paced: ReplayPhase
  /** A few keystrokes per update, as fast as the window allows: throughput. */
  flood: ReplayPhase
}

/**
 * Splits the edits: `warmUpEdits` and then, after `pacedEdits` single-keystroke updates, the
 * rest, in updates of `batch` keystrokes (one Yjs transaction each: a client that sends what
 * was typed since its last update). Short slices keep a tenth for warming up and at most
 * four tenths paced, so that every phase has updates.
 */
export function planReplay(
  operations: readonly TextOperation[],
  props: { warmUpEdits: number; pacedEdits: number; batch: number },
): ReplayPlan {
  const warmUpEdits = Math.min(props.warmUpEdits, Math.floor(operations.length / 10))
  const pacedEdits = Math.min(props.pacedEdits, Math.floor((operations.length * 4) / 10))
  const updates: TextOperation[][] = []
  const addBatches = (from: number, to: number, batch: number): ReplayPhase => {
    const first = updates.length
    for (let i = from; i < to; i += batch)
      updates.push(operations.slice(i, Math.min(i + batch, to)))
    return { from: first, to: updates.length, keystrokesPerUpdate: batch }
  }
  const warmUp = addBatches(0, warmUpEdits, props.batch)
  const paced = addBatches(warmUpEdits, warmUpEdits + pacedEdits, 1)
  const flood = addBatches(warmUpEdits + pacedEdits, operations.length, props.batch)
  return { updates, warmUp, paced, flood }
}
