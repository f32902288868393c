import * as Y from 'yjs'
import { DRAFT_FRAGMENT } from '../../shared/draft/index.ts'
import { draftSchema } from '../../shared/schema/index.ts'
import type { ClientOwners } from './ClientOwners.ts'
import { collectDraftChanges, listChangesOf, type DraftChange } from './validation/draftChanges.ts'
import { preflightUpdate } from './validation/preflight.ts'
import { restoreBefore, type DeleteSet } from './validation/restoreBefore.ts'
import { findStructuralProblem } from './validation/structure.ts'
import { UidIndex } from './validation/UidIndex.ts'

/** Origin of the server's own writes (proposal records, decisions, silence). */
export const SERVER_ORIGIN = Symbol('server')
/** Origin of the transaction that loads the document from storage: not stored again. */
const STORAGE_ORIGIN = Symbol('storage')

/** Judges one change of a client; returns null when allowed, else why not. */
export type ChangeJudge = (change: DraftChange) => string | null

/** Why a client's update was refused. */
export interface Refusal {
  code: 'forbidden_change' | 'malformed_change' | 'foreign_client'
  message: string
}

/** What became of a client's update. */
export type UpdateOutcome =
  | { status: 'applied'; changes: DraftChange[] }
  | { status: 'refused'; refusal: Refusal }
  | { status: 'invalid'; message: string }
  /** Depends on history the room lacks: neither applied nor refused (see missingHistory.ts). */
  | { status: 'setAside' }
  /** More items than the writer may still send this minute: not looked at. */
  | { status: 'overBudget' }

/** One client update being applied: every transaction it causes is judged and kept apart. */
interface Unit {
  judge: ChangeJudge
  refusal: Refusal | { code: 'invalid_update'; message: string } | null
  stateBefore: Map<number, number> | null
  deleteSets: DeleteSet[]
  updates: Uint8Array[]
  changes: DraftChange[]
}

/**
 * The live document of a room, and the one place where clients' updates enter it.
 *
 * The invariant: the document the rules judged is the document that is stored and broadcast.
 * A client's update is checked from its decoded form first (client ids, missing history,
 * cycles, content kinds: `preflightUpdate`), then applied to the live document itself; every
 * transaction it causes (Yjs may add a formatting clean-up of its own) is judged from the
 * transaction, before any observer runs and before its deletions are garbage-collected. What
 * Yjs encodes of an accepted transaction is what storage receives (`onAccepted`), never the
 * client's bytes. A refused update is undone by rebuilding the document as it was before
 * (`restoreBefore`); reading a transaction never changes anything.
 */
export class LiveDraft {
  private current: Y.Doc
  private unit: Unit | null = null
  /**
   * Built when the first client update is judged, not when the room loads: a room that is only
   * read (a client syncing) never walks the draft for it.
   */
  private uidIndex: UidIndex | null = null
  /** How many refused updates had to be undone by rebuilding the document (for the logs). */
  restoredCount = 0

  private constructor(
    doc: Y.Doc,
    private readonly onAccepted: (update: Uint8Array, origin: unknown) => void,
    private readonly isJudging: boolean,
  ) {
    this.current = doc
    this.attach(doc)
  }

  /** The draft from its stored parts (snapshot and updates, in commit order). */
  static load(
    parts: readonly Uint8Array[],
    options: {
      onAccepted: (update: Uint8Array, origin: unknown) => void
      /** False only for benchmarks that measure what judging costs: updates go straight in. */
      isJudging: boolean
    },
  ): LiveDraft {
    const doc = new Y.Doc()
    // One transaction, each part applied as stored: merging them first (Y.mergeUpdates)
    // decodes and re-encodes the whole snapshot, 3-5 times the cost of applying it.
    doc.transact(() => {
      for (const part of parts) Y.applyUpdate(doc, part, STORAGE_ORIGIN)
    }, STORAGE_ORIGIN)
    return new LiveDraft(doc, options.onAccepted, options.isJudging)
  }

  /** The document as it is now (a refused update may replace it: never keep it across calls). */
  get doc(): Y.Doc {
    return this.current
  }

  /** Applies a client's update if every change it makes is allowed; otherwise changes nothing. */
  receive(
    update: Uint8Array,
    props: {
      origin: unknown
      writer: number
      owners: ClientOwners
      judge: ChangeJudge
      /** Charges the decoded update's items to the writer; false: over budget. */
      chargeItems: (count: number) => boolean
    },
  ): UpdateOutcome {
    if (!this.isJudging) return this.applyUnjudged(update, props.origin)
    let decoded: ReturnType<typeof Y.decodeUpdate>
    try {
      decoded = Y.decodeUpdate(update)
    } catch (error) {
      return { status: 'invalid', message: error instanceof Error ? error.message : 'invalid' }
    }
    if (!props.chargeItems(itemCount(decoded))) return { status: 'overBudget' }
    const store = this.current.store
    const verdict = preflightUpdate(decoded, {
      stateOf: (client) => Y.getState(store, client),
      ownerOf: (client) => props.owners.ownerOf(client),
      writer: props.writer,
      itemAt: (id) => (id.clock < Y.getState(store, id.client) ? Y.getItem(store, id) : undefined),
    })
    switch (verdict.kind) {
      case 'setAside':
        return { status: 'setAside' }
      case 'refuse':
        return {
          status: 'refused',
          refusal: { code: 'foreign_client', message: verdict.message },
        }
      case 'proceed':
        break
    }
    const unit = this.apply(update, props.origin, props.judge)
    if (unit.refusal) {
      if (unit.stateBefore) this.restore(unit)
      return unit.refusal.code === 'invalid_update'
        ? { status: 'invalid', message: unit.refusal.message }
        : { status: 'refused', refusal: unit.refusal }
    }
    for (const clientId of verdict.newClients) props.owners.claim(clientId, props.writer)
    for (const deleteSet of unit.deleteSets) Y.tryGc(deleteSet, this.current.store, () => true)
    for (const accepted of unit.updates) this.onAccepted(accepted, props.origin)
    return { status: 'applied', changes: unit.changes }
  }

  /** Runs the server's own change (records, decisions) as one transaction. */
  transactAsServer<T>(change: (doc: Y.Doc) => T): T {
    let result: T | undefined
    this.current.transact(() => {
      result = change(this.current)
    }, SERVER_ORIGIN)
    return result as T
  }

  destroy(): void {
    this.current.destroy()
  }

  private applyUnjudged(update: Uint8Array, origin: unknown): UpdateOutcome {
    try {
      Y.applyUpdate(this.current, update, origin)
    } catch (error) {
      return { status: 'invalid', message: error instanceof Error ? error.message : 'invalid' }
    }
    return { status: 'applied', changes: [] }
  }

  private apply(update: Uint8Array, origin: unknown, judge: ChangeJudge): Unit {
    const unit: Unit = {
      judge,
      refusal: null,
      stateBefore: null,
      deleteSets: [],
      updates: [],
      changes: [],
    }
    this.unit = unit
    try {
      Y.applyUpdate(this.current, update, origin)
    } catch (error) {
      unit.refusal ??= {
        code: 'invalid_update',
        message: error instanceof Error ? error.message : 'invalid',
      }
    } finally {
      this.unit = null
    }
    const store = this.current.store
    if (!unit.refusal && (store.pendingStructs !== null || store.pendingDs !== null)) {
      unit.refusal = { code: 'invalid_update', message: 'The update cannot be completed.' }
    }
    return unit
  }

  private restore(unit: Unit): void {
    const old = this.current
    this.detach(old)
    const fresh = restoreBefore({
      doc: old,
      stateBefore: unit.stateBefore!,
      deleteSets: unit.deleteSets,
    })
    old.destroy()
    this.current = fresh
    this.uidIndex = null
    this.attach(fresh)
    this.restoredCount++
  }

  private attach(doc: Y.Doc): void {
    // Nothing a client's update deletes is collected before it is judged: a refused update is
    // undone from what it deleted (see restoreBefore).
    doc.gcFilter = () => this.unit === null
    doc.on('beforeObserverCalls', this.handleTransaction)
    doc.on('update', this.handleUpdate)
  }

  private detach(doc: Y.Doc): void {
    doc.off('beforeObserverCalls', this.handleTransaction)
    doc.off('update', this.handleUpdate)
  }

  private readonly handleTransaction = (tr: Y.Transaction) => {
    if (tr.origin === STORAGE_ORIGIN) return
    const unit = this.unit
    if (!unit) {
      // The server's own transactions are not judged; the uids they change are counted.
      if (!this.uidIndex) return
      const changes = collectDraftChanges(tr, tr.doc.getXmlFragment(DRAFT_FRAGMENT))
      this.uidIndex.apply(this.uidIndex.deltaOf(tr, changes))
      return
    }
    unit.stateBefore ??= tr.beforeState
    unit.deleteSets.push(tr.deleteSet)
    if (unit.refusal) return
    try {
      unit.refusal = this.judge(tr, unit)
    } catch (error) {
      unit.refusal = {
        code: 'invalid_update',
        message: error instanceof Error ? error.message : 'invalid',
      }
    }
  }

  private judge(tr: Y.Transaction, unit: Unit): Refusal | null {
    const fragment = tr.doc.getXmlFragment(DRAFT_FRAGMENT)
    const lists = listChangesOf(tr)
    const problem = findStructuralProblem(draftSchema, fragment, tr, lists)
    if (problem) return { code: 'malformed_change', message: problem }
    const changes = collectDraftChanges(tr, fragment, lists)
    // Built from the document before this transaction: its blocks are counted by the delta.
    const uids = (this.uidIndex ??= UidIndex.before(tr, fragment))
    const uidDelta = uids.deltaOf(tr, changes)
    const duplicate = uids.duplicateIn(uidDelta)
    if (duplicate !== null) {
      return { code: 'malformed_change', message: `The uid "${duplicate}" is already a block’s.` }
    }
    for (const change of changes) {
      const reason = unit.judge(change)
      if (reason) return { code: 'forbidden_change', message: reason }
    }
    uids.apply(uidDelta)
    unit.changes.push(...changes)
    return null
  }

  private readonly handleUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === STORAGE_ORIGIN) return
    if (this.unit) this.unit.updates.push(update)
    else this.onAccepted(update, origin)
  }
}

/** What an update makes the server work on: its structs and its deleted ranges. */
function itemCount(update: ReturnType<typeof Y.decodeUpdate>): number {
  let count = update.structs.length
  for (const ranges of update.ds.clients.values()) count += ranges.length
  return count
}
