import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

interface SlotsState {
  uids: ReadonlySet<string>
  decorations: DecorationSet
}

/** The plugin's key; a transaction with this meta (a set of block uids) says where Alts are. */
export const alternativeSlotsKey = new PluginKey<SlotsState>('alternativeSlots')

/**
 * Places for the alternatives beside the text: after each paragraph or action that has open
 * Alts, a widget (outside the text, not editable) that React fills through a portal. Where the
 * Alts are comes from the proposals' records (a meta transaction), never from the text, so
 * nothing here changes the document.
 */
export class AlternativeSlots {
  private elements = new Map<string, HTMLElement>()
  private snapshot: ReadonlyMap<string, HTMLElement> = new Map()
  private listeners = new Set<() => void>()

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The slots in the page now, by block uid (a new map whenever one comes or goes). */
  readonly current = (): ReadonlyMap<string, HTMLElement> => this.snapshot

  private changed() {
    this.snapshot = new Map(this.elements)
    for (const listener of this.listeners) listener()
  }

  private slotFor(uid: string): HTMLElement {
    const element = document.createElement('div')
    element.className = 'alt-slot'
    element.contentEditable = 'false'
    element.dataset.blockUid = uid
    element.dataset.testid = 'alternatives'
    this.elements.set(uid, element)
    // ProseMirror builds widgets while it draws: React hears of them after.
    queueMicrotask(() => this.changed())
    return element
  }

  private release(element: HTMLElement) {
    const uid = element.dataset.blockUid
    if (uid && this.elements.get(uid) === element) this.elements.delete(uid)
    queueMicrotask(() => this.changed())
  }

  private decorate(doc: ProseMirrorNode, uids: ReadonlySet<string>): DecorationSet {
    if (uids.size === 0) return DecorationSet.empty
    const widgets: Decoration[] = []
    doc.descendants((node, pos) => {
      const uid: unknown = node.attrs.uid
      if (typeof uid === 'string' && uids.has(uid)) {
        widgets.push(
          Decoration.widget(pos + node.nodeSize, () => this.slotFor(uid), {
            // One key per block: the same element is kept while the text changes around it.
            key: `alt-${uid}`,
            side: -1,
            ignoreSelection: true,
            stopEvent: () => true,
            destroy: (element) => this.release(element as HTMLElement),
          }),
        )
      }
      return !node.isTextblock
    })
    return DecorationSet.create(doc, widgets)
  }

  /** The ProseMirror plugin drawing the slots. */
  plugin(): Plugin<SlotsState> {
    return new Plugin<SlotsState>({
      key: alternativeSlotsKey,
      state: {
        init: () => ({ uids: new Set(), decorations: DecorationSet.empty }),
        apply: (tr, value, _old, state) => {
          const uids = tr.getMeta(alternativeSlotsKey) as ReadonlySet<string> | undefined
          if (uids) return { uids, decorations: this.decorate(state.doc, uids) }
          if (!tr.docChanged || value.uids.size === 0) return value
          // Blocks move, come and go: placed again, which keeps the widgets (by key).
          return { uids: value.uids, decorations: this.decorate(state.doc, value.uids) }
        },
      },
      props: {
        decorations: (state) => alternativeSlotsKey.getState(state)?.decorations,
      },
    })
  }
}
