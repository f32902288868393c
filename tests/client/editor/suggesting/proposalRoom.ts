import * as Y from 'yjs'
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { TextSelection } from '@tiptap/pm/state'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { CO_FACILITATORS, DRAFT_FRAGMENT } from '../../../../shared/draft/index.ts'
import type { Role } from '../../../../shared/permissions.ts'
import type { DraftJSON } from '../../../../shared/numbering.ts'
import { draftExtensions, draftSchema } from '../../../../shared/schema/index.ts'
import { ClientOwners } from '../../../../server/collab/ClientOwners.ts'
import { LiveDraft } from '../../../../server/collab/LiveDraft.ts'
import { judgeDraftChange } from '../../../../server/policies/draftChange.ts'
import { readProposal, recordNewProposals } from '../../../../server/collab/proposalRecords.ts'
import { SuggestingMode } from '../../../../client/src/editor/suggesting/SuggestingMode.ts'
import type { SuggestingRefusal } from '../../../../client/src/proposals/suggestingRefusal.ts'
import { DraftCommands } from '../../../../client/src/editor/DraftCommands.ts'
import { recordLookup } from '../../../../client/src/proposals/records.ts'

const FROM_SERVER = Symbol('from server')

/**
 * The server's side of a room, in memory: the live document, the same update validator, rule
 * book and record keeping as `server/collab` (Connection.handleUpdate), and an outbox per
 * client, delivered when the test says so (messages over one socket stay in order, but
 * arrive later than the keystrokes that made them).
 */
export class ProposalRoom {
  /** Why the server refused an update: must stay empty for the suggesting mode. */
  readonly refusals: string[] = []
  private readonly draft: LiveDraft
  private readonly owners = new ClientOwners([])
  private readonly clients: RoomClient[] = []

  constructor(draft: DraftJSON) {
    const initial = new Y.Doc()
    prosemirrorJSONToYXmlFragment(draftSchema, draft, initial.getXmlFragment(DRAFT_FRAGMENT))
    this.draft = LiveDraft.load([Y.encodeStateAsUpdate(initial)], {
      isJudging: true,
      onAccepted: (update, origin) => {
        for (const client of this.clients) if (client !== origin) client.inbox.push(update)
      },
    })
  }

  /** The server's live document. */
  get live(): Y.Doc {
    return this.draft.doc
  }

  /** A user of `delegation` with `role` (co-facilitators propose as `co-facilitators`). */
  join(role: Role, delegation: string | null): RoomClient {
    const client = new RoomClient(this, role, delegation)
    this.clients.push(client)
    return client
  }

  /** Delivers every message in flight, both ways, until none is left. */
  deliver(): void {
    for (let isBusy = true; isBusy;) {
      isBusy = false
      for (const client of this.clients) {
        for (const update of client.outbox.splice(0)) {
          isBusy = true
          this.receive(update, client)
        }
        for (const update of client.inbox.splice(0)) {
          isBusy = true
          Y.applyUpdate(client.doc, update, FROM_SERVER)
        }
      }
    }
  }

  private receive(update: Uint8Array, client: RoomClient): void {
    const writer = { role: client.role, delegation: client.delegation }
    const outcome = this.draft.receive(update, {
      origin: client,
      writer: client.userId,
      owners: this.owners,
      chargeItems: () => true,
      judge: (change) => judgeDraftChange(change, writer, (id) => readProposal(this.live, id)),
    })
    if (outcome.status !== 'applied') {
      this.refusals.push(outcome.status === 'refused' ? outcome.refusal.message : outcome.status)
      return
    }
    recordNewProposals({
      doc: this.live,
      changes: outcome.changes,
      author: { userId: client.userId, name: client.delegation ?? 'co-facilitator' },
      now: new Date('2018-07-13T12:00:00Z'),
      transact: (write) => this.draft.transactAsServer(write),
    })
  }

  destroy(): void {
    for (const client of this.clients) client.editor.destroy()
    this.draft.destroy()
  }
}

/** One browser: its own Yjs document and a Tiptap editor with the suggesting mode. */
export class RoomClient {
  private static lastUserId = 0
  readonly userId = ++RoomClient.lastUserId
  readonly doc = new Y.Doc()
  readonly editor: Editor
  readonly outbox: Uint8Array[] = []
  readonly inbox: Uint8Array[] = []
  /** What the suggesting mode told the user it could not do. */
  readonly localRefusals: SuggestingRefusal[] = []

  constructor(
    room: ProposalRoom,
    readonly role: Role,
    readonly delegation: string | null,
  ) {
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(room.live), FROM_SERVER)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_SERVER) this.outbox.push(update)
    })
    this.editor = new Editor({
      element: document.createElement('div'),
      enableInputRules: false,
      extensions: [
        ...draftExtensions,
        Collaboration.configure({ document: this.doc, field: DRAFT_FRAGMENT }),
        SuggestingMode.configure({
          records: recordLookup(this.doc),
          onRefusal: (refusal) => this.localRefusals.push(refusal),
        }),
        DraftCommands,
      ],
    })
    const proposer = role === 'coFacilitator' ? CO_FACILITATORS : delegation
    this.editor.commands.setProposer(proposer, role === 'coFacilitator')
  }

  get state() {
    return this.editor.state
  }

  /** Puts the cursor right before (or after) the first occurrence of `text`. */
  placeCursor(text: string, side: 'before' | 'after' = 'before'): void {
    const pos = positionOf(this.state.doc, text)
    const at = side === 'before' ? pos : pos + text.length
    this.editor.view.dispatch(this.state.tr.setSelection(TextSelection.create(this.state.doc, at)))
  }

  /** Selects the first occurrence of `text`. */
  select(text: string): void {
    const pos = positionOf(this.state.doc, text)
    this.editor.view.dispatch(
      this.state.tr.setSelection(TextSelection.create(this.state.doc, pos, pos + text.length)),
    )
  }

  /** Types `text` key by key, as ProseMirror turns text input into transactions. */
  type(text: string): void {
    for (const character of text) {
      const { from, to } = this.state.selection
      this.editor.view.dispatch(this.state.tr.insertText(character, from, to))
    }
  }

  /** A key press through the editor's keymaps; false if none handled it. */
  press(key: string, modifiers: { ctrlKey?: boolean; shiftKey?: boolean } = {}): boolean {
    const event = new KeyboardEvent('keydown', { key, ...modifiers, bubbles: true })
    const { view } = this.editor
    return view.someProp('handleKeyDown', (handle) => handle(view, event)) ?? false
  }

  /** Backspace: the keymap first; in the middle of text, the browser's own deletion. */
  backspace(times = 1): void {
    for (let i = 0; i < times; i++) {
      if (this.press('Backspace')) continue
      const { from } = this.state.selection
      this.editor.view.dispatch(this.state.tr.delete(from - 1, from))
    }
  }

  /** Delete (forward), likewise. */
  deleteForward(times = 1): void {
    for (let i = 0; i < times; i++) {
      if (this.press('Delete')) continue
      const { from } = this.state.selection
      this.editor.view.dispatch(this.state.tr.delete(from, from + 1))
    }
  }

  /** Cut: ProseMirror deletes the selection. */
  cut(): void {
    this.editor.view.dispatch(this.state.tr.deleteSelection().setMeta('uiEvent', 'cut'))
  }

  /** The block whose uid is `uid`, with its proposals written inline (see `markup`). */
  block(uid: string): string {
    return markup(blockNode(this.state.doc, uid))
  }
}

/** The position of the first occurrence of `text` inside one text node's run of text. */
export function positionOf(doc: ProseMirrorNode, text: string): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.isTextblock) {
      const index = node.textContent.indexOf(text)
      if (index >= 0) found = pos + 1 + index
      return false
    }
    return true
  })
  if (found < 0) throw new Error(`"${text}" is not in the document`)
  return found
}

export function blockNode(doc: ProseMirrorNode, uid: string): ProseMirrorNode {
  let found: ProseMirrorNode | null = null
  doc.descendants((node) => {
    if (node.attrs.uid === uid) found = node
    return found === null
  })
  if (!found) throw new Error(`no block ${uid}`)
  return found
}

const refText = (value: unknown): string => {
  const { delegation } = (value ?? {}) as { delegation?: string }
  return delegation ?? '?'
}

/**
 * A block's text with its proposals inline: `[+new+]` inserted, `[-old-]` proposed for
 * deletion (by delegation when several), `{FRA+ ... }` a proposed block, `{FRA- ... }` a block
 * proposed for deletion; `<+new+>` and `<-old->` the co-facilitators' own edits.
 */
export function markup(node: ProseMirrorNode): string {
  let out = ''
  if (node.isTextblock) {
    node.forEach((child) => {
      const insertion = child.marks.find((m) => m.type.name === 'insertion')
      const deletions = child.marks.filter((m) => m.type.name === 'deletion')
      let text = child.text ?? ''
      if (insertion) text = `[+${text}+]`
      if (deletions.length > 1)
        text = `[-${deletions.map((d) => refText(d.attrs)).join(',')}:${text}-]`
      else if (deletions.length === 1) text = `[-${text}-]`
      if (child.marks.some((m) => m.type.name === 'coFacilitatorsInsertion')) text = `<+${text}+>`
      if (child.marks.some((m) => m.type.name === 'coFacilitatorsDeletion')) text = `<-${text}->`
      out += text
    })
  } else {
    const parts: string[] = []
    node.forEach((child) => parts.push(markup(child)))
    out = parts.join(' | ')
  }
  if (node.attrs.insertedBy) out = `{${refText(node.attrs.insertedBy)}+ ${out}}`
  if (node.attrs.deletedBy) out = `{${refText(node.attrs.deletedBy)}- ${out}}`
  return out
}
