import { Extension } from '@tiptap/core'
import { PluginKey, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { newUid } from '../../../../shared/schema/uid.ts'
import { alignYText } from './alignYText.ts'
import type { RecordLookup } from '../../../../shared/draft/index.ts'
import {
  blockDeletionState,
  proposeNewBlockAfter,
  toggleBlockDeletion,
  type BlockDeletionState,
} from './suggestBlocks.ts'
import type { SuggestingRefusal } from '../../proposals/suggestingRefusal.ts'
import type { SuggestingContext } from './suggestion.ts'
import { suggestTransaction } from './suggestTransaction.ts'
import { trackCoFacilitatorsEdit } from './trackCoFacilitatorsEdit.ts'
import { changesAdRef } from '../adRefGuard.ts'

export interface SuggestingOptions {
  /** The proposal records the server keeps (the document's `proposals` map). */
  records: RecordLookup
  /** Tells the user why a change could not be made as a proposal. */
  onRefusal: (refusal: SuggestingRefusal) => void
}

export interface SuggestingStorage {
  /** Whose proposals the user makes (`FRA`, `co-facilitators`); null if the user may not. */
  proposer: string | null
  /** Co-facilitators may edit the text directly; delegations only ever suggest. */
  mayEditDirectly: boolean
  /** The co-facilitators' choice between editing and suggesting. */
  prefersSuggesting: boolean
  /** The records lookup of the options, for the toolbar. */
  records: RecordLookup
}

/** Marks the transactions this extension made: already proposals, not to be rewritten. */
const suggestedKey = new PluginKey('suggested')

/**
 * Lets a transaction that is no proposal pass the suggesting mode as it is: the
 * co-facilitators' brackets, placed or removed in either mode (the server checks who may).
 */
export const asDirectEdit = (tr: Transaction): Transaction => tr.setMeta(suggestedKey, true)

/** Whether the editor turns the user's changes into proposals right now. */
export const isSuggesting = (storage: SuggestingStorage): boolean =>
  storage.proposer !== null && (!storage.mayEditDirectly || storage.prefersSuggesting)

declare module '@tiptap/core' {
  interface Storage {
    suggesting: SuggestingStorage
  }
  interface Commands<ReturnType> {
    suggesting: {
      /** Who the user proposes as, and whether they may also edit directly. */
      setProposer: (proposer: string | null, mayEditDirectly: boolean) => ReturnType
      /** The co-facilitators' "Modifier / Suggérer" switch. */
      setSuggesting: (prefersSuggesting: boolean) => ReturnType
      /** Enter: a new proposed block after the current one, when the cursor is at its end. */
      proposeNewBlock: () => ReturnType
      /** Proposes to delete (or withdraws, or removes one's own) the block at the cursor. */
      toggleBlockDeletion: () => ReturnType
    }
  }
}

/**
 * The suggesting mode (DESIGN.md section 3): while on, every local change to the text is
 * rewritten, before it applies, into the user's proposals (see suggestTransaction.ts); Enter
 * proposes a new block; formatting is off. Remote changes and undo (y-sync transactions) pass
 * untouched: undo reverts the user's own proposals, which the server accepts.
 */
export const SuggestingMode = Extension.create<SuggestingOptions, SuggestingStorage>({
  name: 'suggesting',
  // Before the core keymap (Enter) and Italic (Mod-i).
  priority: 200,

  addOptions: () => ({ records: () => undefined, onRefusal: () => undefined }),

  addStorage() {
    return {
      proposer: null,
      mayEditDirectly: false,
      prefersSuggesting: false,
      records: this.options.records,
    }
  },

  addCommands() {
    const contextOf = (): SuggestingContext | null => {
      const { proposer } = this.storage
      if (proposer === null) return null
      return { delegation: proposer, records: this.options.records, newProposalId: newUid }
    }
    const markAsSuggested = (tr: Transaction) => tr.setMeta(suggestedKey, true)
    return {
      setProposer:
        (proposer, mayEditDirectly) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            this.storage.proposer = proposer
            this.storage.mayEditDirectly = mayEditDirectly
            tr.setMeta(suggestedKey, true)
          }
          return true
        },
      setSuggesting:
        (prefersSuggesting) =>
        ({ tr, dispatch }) => {
          if (!this.storage.mayEditDirectly || this.storage.proposer === null) return false
          if (dispatch) {
            this.storage.prefersSuggesting = prefersSuggesting
            tr.setMeta(suggestedKey, true)
          }
          return true
        },
      proposeNewBlock:
        () =>
        ({ state, dispatch }) => {
          const context = contextOf()
          const tr = context && proposeNewBlockAfter(state, context)
          if (!tr) return false
          if (dispatch) dispatch(markAsSuggested(tr))
          return true
        },
      toggleBlockDeletion:
        () =>
        ({ state, dispatch }) => {
          const context = contextOf()
          const tr = context && toggleBlockDeletion(state, context)
          if (!tr) return false
          if (dispatch) dispatch(markAsSuggested(tr))
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    const whileSuggesting = (run: () => boolean) => () => isSuggesting(this.storage) && run()
    return {
      Enter: whileSuggesting(() => {
        if (!this.editor.commands.proposeNewBlock()) this.options.onRefusal('split')
        return true
      }),
      // Formatting is the co-facilitators' when they edit; a proposal carries none.
      'Mod-i': whileSuggesting(() => true),
      'Mod-I': whileSuggesting(() => true),
    }
  },

  dispatchTransaction({ transaction, next }) {
    const { proposer } = this.storage
    const state = this.editor.state
    const isPassedThrough =
      proposer === null ||
      !transaction.docChanged ||
      transaction.getMeta(ySyncPluginKey) !== undefined ||
      transaction.getMeta(suggestedKey) === true ||
      transaction.before !== state.doc
    if (isPassedThrough) {
      next(transaction)
      return
    }
    // Checked before any rewriting: the suggestion writes its text to the shared document
    // itself (alignYText), past the editor's own guard of ad ref text.
    if (changesAdRef(transaction)) {
      this.options.onRefusal('adRef')
      next(state.tr)
      return
    }
    if (!isSuggesting(this.storage)) {
      // The co-facilitators editing directly: their words are tracked as their own edits.
      const tracked = trackCoFacilitatorsEdit(state, transaction)
      if (!tracked) {
        next(transaction)
        return
      }
      alignYText(state, tracked.textOps)
      next(tracked.tr.setMeta(suggestedKey, true))
      return
    }
    const suggestion = suggestTransaction(state, transaction, {
      delegation: proposer,
      records: this.options.records,
      newProposalId: newUid,
    })
    if (suggestion.type === 'refused') {
      // Housekeeping transactions (not for the undo history) are dropped without a word.
      if (transaction.getMeta('addToHistory') !== false) this.options.onRefusal(suggestion.refusal)
      // An empty transaction redraws whatever the browser had already changed in the page.
      next(state.tr)
      return
    }
    alignYText(state, suggestion.textOps)
    next(suggestion.tr.setMeta(suggestedKey, true))
  },
})

/** What "Proposer la suppression" would do at the cursor, for the toolbar. */
export function blockDeletionAtCursor(
  storage: SuggestingStorage,
  state: Parameters<typeof blockDeletionState>[0],
): BlockDeletionState {
  if (!isSuggesting(storage) || storage.proposer === null) return { type: 'none' }
  return blockDeletionState(state, {
    delegation: storage.proposer,
    records: storage.records,
    newProposalId: newUid,
  })
}
