import * as Y from 'yjs'
import { readProposal, recordNewProposals } from '../../server/collab/proposalRecords.ts'
import { ClientOwners } from '../../server/collab/ClientOwners.ts'
import { LiveDraft } from '../../server/collab/LiveDraft.ts'
import { judgeDraftChange } from '../../server/policies/draftChange.ts'
import { INSERTION_MARK, type ProposalRef } from '../../shared/draft/index.ts'
import type { TextOperation } from './editingTrace.ts'
import { proposeParagraph, typeOperations } from './typingRoom.ts'

/**
 * What validation costs per update on its own, without sockets or storage: the typist's very
 * updates (as its provider sends them) are replayed in this process on the same starting
 * document, once through what Draftroom's room does with an update (decoding, the checks of the
 * decoded update, the apply, the structural check, the changes read off the transaction, the
 * delegation's judge) and once through the apply alone, as a server without validation would. The difference is validation. CPU time, not wall time, so that it
 * compares with the server's CPU time per update; best of a few rounds, fresh documents each.
 */

const ROUNDS = 3
const ORIGIN = Symbol('bench')

export interface ValidatorCost {
  updates: number
  validateMicrosPerUpdate: number
  applyMicrosPerUpdate: number
}

export function measureValidatorCost(props: {
  /** The document as the server started (the demo draft). */
  seed: Uint8Array
  updates: readonly (readonly TextOperation[])[]
  /** The first update timed: the earlier ones only bring the document to its state. */
  timedFrom: number
  ref: ProposalRef
}): ValidatorCost {
  const { paragraph, typing } = recordTypistUpdates(props)
  const replayTyping = (isValidating: boolean) =>
    replay({ ...props, paragraph, typing, delegation: props.ref.delegation, isValidating })
  let withValidation = Infinity
  let applyOnly = Infinity
  for (let round = 0; round < ROUNDS; round++) {
    withValidation = Math.min(withValidation, replayTyping(true))
    applyOnly = Math.min(applyOnly, replayTyping(false))
  }
  const timed = typing.length - props.timedFrom
  return {
    updates: timed,
    validateMicrosPerUpdate: (withValidation - applyOnly) / timed,
    applyMicrosPerUpdate: applyOnly / timed,
  }
}

/** The updates the typist's document emits: its new paragraph, then one per planned update. */
function recordTypistUpdates(props: {
  seed: Uint8Array
  updates: readonly (readonly TextOperation[])[]
  ref: ProposalRef
}): { paragraph: Uint8Array; typing: Uint8Array[] } {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, props.seed)
  const emitted: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => emitted.push(update))
  const text = proposeParagraph(doc, `${props.ref.proposalId}-paragraph`, props.ref)
  const attributes = { [INSERTION_MARK]: props.ref }
  for (const operations of props.updates) typeOperations(text, operations, attributes)
  doc.destroy()
  const [paragraph, ...typing] = emitted
  if (!paragraph || typing.length !== props.updates.length) throw new Error('lost an update')
  return { paragraph, typing }
}

/** Replays the typing, with or without validation; returns the CPU time (µs) timed. */
function replay(props: {
  seed: Uint8Array
  paragraph: Uint8Array
  typing: readonly Uint8Array[]
  timedFrom: number
  delegation: string
  isValidating: boolean
}): number {
  const { seed, paragraph, typing, delegation, isValidating } = props
  const live = LiveDraft.load([seed], { isJudging: isValidating, onAccepted: () => undefined })
  const owners = new ClientOwners([])
  const writer = { role: 'delegation' as const, delegation }
  const receive = (update: Uint8Array) => {
    const outcome = live.receive(update, {
      origin: ORIGIN,
      writer: 1,
      owners,
      chargeItems: () => true,
      judge: (change) => judgeDraftChange(change, writer, (id) => readProposal(live.doc, id)),
    })
    if (outcome.status !== 'applied') throw new Error(`not applied: ${outcome.status}`)
    return outcome.changes
  }
  // The paragraph creates the proposal's record, which the judge then reads.
  recordNewProposals({
    doc: live.doc,
    changes: receive(paragraph),
    author: { userId: 1, name: 'bench' },
    now: new Date(),
    transact: (write) => live.transactAsServer(write),
  })

  let before = process.cpuUsage()
  for (const [index, update] of typing.entries()) {
    if (index === props.timedFrom) before = process.cpuUsage()
    receive(update)
  }
  const { user, system } = process.cpuUsage(before)
  live.destroy()
  return user + system
}
