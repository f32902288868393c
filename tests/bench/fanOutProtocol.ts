import type { ProposalRef } from '../../shared/proposals.ts'
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
    }
  | { type: 'propose' }
  | { type: 'waitForParagraphs'; uids: string[]; typistIds: number[] }
  | { type: 'type'; startAt: number; durationMs: number; rate: number }
  /** Every typist's sends, by Yjs client id: [clock after the update, send time], flattened. */
  | { type: 'measure'; sends: Record<string, number[]> }
  | { type: 'close' }

export type FanOutChildMessage =
  | { type: 'ready' }
  | { type: 'connected'; typistIds: number[] }
  | { type: 'proposed' }
  | { type: 'paragraphsEverywhere' }
  /** `cpuShare`: the worker's CPU time / wall time while its typists typed (1: a core). */
  | { type: 'typed'; sends: Record<string, number[]>; cpuShare: number }
  | {
      type: 'measured'
      histogram: number[]
      /** Per typist id, each update's latest arrival (epoch ms) at this worker's clients. */
      lastArrival: Record<string, number[]>
      /** (update, client) pairs that never arrived. */
      missing: number
    }
