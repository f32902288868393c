import type { ProposalRef } from '../../shared/draft/index.ts'
import type { TextOperation } from './editingTrace.ts'

/** The messages between `fanOut.ts` and its client processes (`fanOutWorker.ts`). */

export interface FanOutTypist {
  /** Which of the worker's clients types. */
  clientIndex: number
  ref: ProposalRef
  /** Insertions, one per keystroke (positions past the end go to the end). */
  operations: TextOperation[]
}

export type FanOutParentMessage =
  | {
      type: 'connect'
      url: string
      isDraftroom: boolean
      /** One demo account per client of this worker. */
      accounts: string[]
      tokens: Record<string, string>
      typists: FanOutTypist[]
      /** Whether the clients that do not type keep a Y.Doc too (stock clients) or only listen. */
      docListeners: boolean
    }
  | { type: 'propose' }
  /** `clocks`: each typist's Yjs clock once its paragraph is proposed, by client id. */
  | { type: 'waitForParagraphs'; uids: string[]; clocks: Record<string, number> }
  /** `carets`: each keystroke also moves the typist's caret (a presence update), as in the editor. */
  | { type: 'type'; startAt: number; durationMs: number; rate: number; carets: boolean }
  /** Every typist's sends, by Yjs client id: [clock after the update, send time], flattened. */
  | { type: 'measure'; sends: Record<string, number[]> }
  | { type: 'close' }

export type FanOutChildMessage =
  | { type: 'ready' }
  | { type: 'connected' }
  | { type: 'proposed'; clocks: Record<string, number> }
  | { type: 'paragraphsEverywhere' }
  /** `cpuShare`: the worker's CPU time / wall time while its typists typed (1: a core). */
  | { type: 'typed'; sends: Record<string, number[]>; cpuShare: number }
  | {
      type: 'measured'
      histogram: number[]
      /** The same, at the stock clients only (applied to their Y.Doc). */
      applied: number[]
      /** Per typist id, each update's latest arrival (epoch ms) at this worker's clients. */
      lastArrival: Record<string, number[]>
      /** (update, client) pairs that never arrived. */
      missing: number
      /** Presence messages received by this worker's listeners, and how many listeners. */
      presence: { messages: number; listeners: number }
    }
