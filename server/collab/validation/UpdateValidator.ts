import { DRAFT_FRAGMENT } from '../../../shared/draft/index.ts'
import * as Y from 'yjs'
import { draftSchema } from '../../../shared/schema/index.ts'
import { findStructuralProblem } from './structure.ts'
import { collectDraftChanges, type DraftChange, type SharedType } from './draftChanges.ts'

const VALIDATION_ORIGIN = Symbol('validation')
const MIRROR_ORIGIN = Symbol('mirror')

/** Why an update was refused. */
export interface Refusal {
  code: 'forbidden_change' | 'malformed_change' | 'invalid_update' | 'incomplete_update'
  message: string
}

/** Judges one change; returns null when allowed, else why not. */
export type ChangeJudge = (change: DraftChange) => string | null

/**
 * Validates incoming updates on a shadow copy of a room's document before they touch it: the
 * update is applied to the shadow, the transaction's changes are read off its events and
 * judged, and only an allowed update is then applied to the live document. A refused update
 * has polluted the shadow, which is rebuilt from the live document (refusals are rare: only a
 * hand-made or out-of-date client sends them).
 */
export class UpdateValidator {
  private shadow: Y.Doc

  constructor(private readonly live: Y.Doc) {
    this.shadow = UpdateValidator.copy(live)
  }

  /** Keeps the shadow equal to the live document for updates that did not come through here. */
  mirror(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update, MIRROR_ORIGIN)
  }

  /** Applies `update` to the shadow and judges every change it makes. */
  check(
    update: Uint8Array,
    judge: ChangeJudge,
  ): { refusal: Refusal | null; changes: DraftChange[] } {
    const fragment = this.shadow.getXmlFragment(DRAFT_FRAGMENT)
    let refusal: Refusal | null = null
    const changes: DraftChange[] = []
    const judgeAll = (found: DraftChange[]) => {
      changes.push(...found)
      refusal ??= firstRefusal(found, judge)
    }
    const handleEvents = (events: Y.YEvent<SharedType>[], tr: Y.Transaction) => {
      if (tr.origin !== VALIDATION_ORIGIN) return
      const problem = findStructuralProblem(draftSchema, fragment, events)
      if (problem) refusal ??= { code: 'malformed_change', message: problem }
      judgeAll(collectDraftChanges(tr, fragment, events))
    }
    const handleTransaction = (tr: Y.Transaction) => {
      // Changes outside the draft (no deep event on the fragment) are still listed here.
      if (
        tr.origin === VALIDATION_ORIGIN &&
        ![...tr.changedParentTypes.keys()].some((type: unknown) => type === fragment)
      ) {
        judgeAll(collectDraftChanges(tr, fragment, []))
      }
    }
    fragment.observeDeep(handleEvents)
    this.shadow.on('afterTransaction', handleTransaction)
    try {
      Y.applyUpdate(this.shadow, update, VALIDATION_ORIGIN)
    } catch (error) {
      refusal = {
        code: 'invalid_update',
        message: error instanceof Error ? error.message : 'invalid',
      }
    } finally {
      fragment.unobserveDeep(handleEvents)
      this.shadow.off('afterTransaction', handleTransaction)
    }
    // Structs waiting for history the room does not have can never be judged (and, kept,
    // would grow every sync answer): the update is set aside. A client that really has that
    // history sends it again in its next sync step 2, in order.
    const store = this.shadow.store
    if (!refusal && (store.pendingStructs !== null || store.pendingDs !== null)) {
      refusal = { code: 'incomplete_update', message: 'The update depends on unknown history.' }
    }
    if (refusal) {
      this.shadow.destroy()
      this.shadow = UpdateValidator.copy(this.live)
    }
    return { refusal, changes }
  }

  destroy(): void {
    this.shadow.destroy()
  }

  private static copy(doc: Y.Doc): Y.Doc {
    const shadow = new Y.Doc()
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc))
    return shadow
  }
}

function firstRefusal(changes: DraftChange[], judge: ChangeJudge): Refusal | null {
  for (const change of changes) {
    const reason = judge(change)
    if (reason) return { code: 'forbidden_change', message: reason }
  }
  return null
}
