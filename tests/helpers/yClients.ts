import { DRAFT_FRAGMENT, UID_ATTRIBUTE } from '../../shared/draft/index.ts'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import {
  COLLAB_PATH,
  DRAFTROOM_CLIENT_PARAM,
  MessageType,
  draftRoomName,
} from '../../shared/collabProtocol.ts'
import { draftSchema, newUid } from '../../shared/schema/index.ts'
import { isSnapshotContained } from '../../shared/savedState.ts'
import { tokenFor } from './testCredentials.ts'

// `ws` is API-compatible with the browser WebSocket the provider is written for, but its
// declared type is its own class, so it needs one cast to pass as the polyfill.
const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket

/** `ws` sending `headers` with every upgrade (the provider constructs it with url and protocols). */
function webSocketWithHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
  class WebSocketWithHeaders extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers })
    }
  }
  return WebSocketWithHeaders as unknown as typeof globalThis.WebSocket
}

/** How a client's connection was closed. */
export interface ServerClose {
  code: number
  reason: string
}

/** What the server told a Draftroom client it refused or changed (`notice`). */
export interface Notice {
  code: string
  message: string
}

export interface ClientOptions {
  /** A label for failure messages. */
  name?: string
  /** The document to sync (a new one by default), e.g. one holding state already. */
  doc?: Y.Doc
  /** Ask for Draftroom's own messages (`stored`, `notice`) with `?draftroom=1`. */
  draftroom?: boolean
  /** Cap on the reconnect back-off; the stock default is 2.5 s. */
  maxBackoffTime?: number
  connect?: boolean
  /** Headers of every upgrade request, e.g. the session cookie (`Cookie`). */
  headers?: Record<string, string>
  /** More query parameters, e.g. `access_token` for a script's bearer token. */
  params?: Record<string, string>
}

const tokenParam = (collabUrl: string): Record<string, string> => {
  const token = tokenFor(collabUrl)
  return token ? { access_token: token } : {}
}

/** A stock y-websocket client, as a browser tab would hold it, in Node. */
export class YClient {
  readonly name: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Every close this client did not make itself: the server's, or a lost connection (1006). */
  readonly serverCloses: ServerClose[] = []
  /** Every `stored` snapshot received (draftroom clients only), oldest first. */
  readonly storedSnapshots: Y.Snapshot[] = []
  /** Every `notice` received (draftroom clients only). */
  readonly notices: Notice[] = []
  /** Every update this client made itself, in order (not those it received). */
  readonly localUpdates: Uint8Array[] = []
  #isDestroyed = false

  constructor(collabUrl: string, room: string, options: ClientOptions = {}) {
    this.name = options.name ?? 'client'
    this.doc = options.doc ?? new Y.Doc()
    this.provider = new WebsocketProvider(collabUrl, room, this.doc, {
      WebSocketPolyfill: options.headers ? webSocketWithHeaders(options.headers) : NodeWebSocket,
      connect: options.connect ?? true,
      // Several clients share this process: without this they would sync with each other
      // through BroadcastChannel, behind the server's back.
      disableBc: true,
      maxBackoffTime: options.maxBackoffTime ?? 500,
      params: {
        ...(options.headers ? {} : tokenParam(collabUrl)),
        ...options.params,
        ...(options.draftroom ? { [DRAFTROOM_CLIENT_PARAM]: '1' } : {}),
      },
    })
    this.provider.on('connection-close', (event) => {
      if (event) this.serverCloses.push({ code: event.code, reason: event.reason })
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider) this.localUpdates.push(update)
    })
    if (options.draftroom) {
      this.provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
        this.storedSnapshots.push(Y.decodeSnapshot(decoding.readVarUint8Array(decoder)))
      }
      this.provider.messageHandlers[MessageType.notice] = (_encoder, decoder) => {
        const text = decoding.readVarString(decoder)
        try {
          this.notices.push(JSON.parse(text) as Notice)
        } catch {
          this.notices.push({ code: 'unreadable', message: text })
        }
      }
    }
  }

  get isSynced(): boolean {
    return this.provider.synced
  }

  get isConnected(): boolean {
    return this.provider.wsconnected
  }

  /** The last snapshot the server said it committed, or null. */
  get lastStored(): Y.Snapshot | null {
    return this.storedSnapshots.at(-1) ?? null
  }

  /** Whether the server has told this client it committed everything the client has. */
  get isSaved(): boolean {
    const stored = this.lastStored
    return stored !== null && isSnapshotContained(Y.snapshot(this.doc), stored)
  }

  /** Waits until the provider has completed a sync with the server. */
  async synced(timeoutMs = 10_000): Promise<void> {
    await waitFor(
      () => this.provider.synced,
      timeoutMs,
      () => `${this.name} did not sync`,
    )
  }

  /** Goes offline, as a laptop losing its network would. */
  disconnect(): void {
    this.provider.disconnect()
  }

  connect(): void {
    this.provider.connect()
  }

  /** Leaves for good (idempotent). */
  destroy(): void {
    if (this.#isDestroyed) return
    this.#isDestroyed = true
    this.provider.destroy()
    this.doc.destroy()
  }
}

/** A stock client in `room`, once it has synced with the server. */
export async function connectClient(
  collabUrl: string,
  room: string,
  options: ClientOptions = {},
): Promise<YClient> {
  const client = new YClient(collabUrl, room, options)
  try {
    await client.synced()
  } catch (error) {
    client.destroy()
    throw error
  }
  return client
}

/**
 * A Draftroom client of the negotiation's draft, authenticated by a personal API token, not yet
 * synced (`await client.synced()`): for tests that hold one token per user.
 */
export function connectWithToken(props: {
  baseUrl: string
  negotiationId: string
  token: string
  isDraftroomClient?: boolean
  doc?: Y.Doc
  name?: string
}): YClient {
  return new YClient(
    `${props.baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}`,
    draftRoomName(props.negotiationId),
    {
      ...(props.doc ? { doc: props.doc } : {}),
      name: props.name ?? 'client',
      draftroom: props.isDraftroomClient ?? false,
      maxBackoffTime: 2_500,
      params: { access_token: props.token },
    },
  )
}

/**
 * Draftroom clients of the accounts whose API tokens a test holds, connected on demand and
 * closed together (after each test).
 */
export function clientsOf(
  baseUrl: () => string,
  negotiationId: string,
  tokens: Record<string, string>,
) {
  const open: YClient[] = []
  return {
    /** A synced client signed in as `name`, with Draftroom's own messages (notices). */
    connect: async (name: string) => {
      const token = tokens[name]
      if (!token) throw new Error(`no token for ${name}`)
      const client = connectWithToken({
        baseUrl: baseUrl(),
        negotiationId,
        token,
        isDraftroomClient: true,
        name,
      })
      open.push(client)
      await client.synced()
      return client
    },
    closeAll: () => {
      for (const client of open.splice(0)) client.destroy()
    },
  }
}

/** Opens a raw WebSocket and resolves with how the server answered: open, or an HTTP status. */
export function tryUpgrade(url: string, headers: Record<string, string> = {}) {
  return new Promise<
    { status: number } | { closeCode: number; reason: string } | { open: WebSocket }
  >((resolve) => {
    const socket = new WebSocket(url, { headers })
    socket.on('unexpected-response', (_request, response) =>
      resolve({ status: response.statusCode ?? 0 }),
    )
    socket.on('open', () => resolve({ open: socket }))
    socket.on('close', (code, reason) => resolve({ closeCode: code, reason: reason.toString() }))
    socket.on('error', () => undefined)
  })
}

/** Polls until `check` stops throwing, or fails with its last error after `timeoutMs`. */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 5_000,
): Promise<void> {
  await waitFor(
    async () => {
      await check()
      return true
    },
    timeoutMs,
    () => 'a check to pass',
  )
}

/**
 * Polls `predicate` every 10 ms until it holds; throws after `timeoutMs` with `describe()`.
 * Predicates that throw count as false, and the last error is in the message.
 */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
  describe: () => string = () => 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let failure: unknown = null
    try {
      if (await predicate()) return
    } catch (error) {
      failure = error
    }
    if (Date.now() > deadline) {
      const cause = failure instanceof Error ? ` (last error: ${failure.message})` : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for: ${describe()}${cause}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The text blocks of a draft, in document order. */
export function textBlocks(doc: Y.Doc): Y.XmlElement[] {
  const blocks: Y.XmlElement[] = []
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (isTextBlock(child)) blocks.push(child)
      else visit(child)
    }
  }
  visit(doc.getXmlFragment(DRAFT_FRAGMENT))
  return blocks
}

// Text blocks (paragraphs, titles, actions...) by the draft schema, not by a list of our own.
const isTextBlock = (element: Y.XmlElement): boolean =>
  draftSchema.nodes[element.nodeName]?.isTextblock === true

/** The sections of a draft (the top-level elements). */
export function sections(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)
}

export const uidOf = (element: Y.XmlElement): string | undefined => {
  const uid = element.getAttribute(UID_ATTRIBUTE)
  return typeof uid === 'string' ? uid : undefined
}

/** Every element of the draft (sections, objectives, text blocks...), in document order. */
export function blocks(doc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = []
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) {
        found.push(child)
        visit(child)
      }
    }
  }
  visit(doc.getXmlFragment(DRAFT_FRAGMENT))
  return found
}

/** The block (any element) with this uid, or throws. */
export function blockByUid(doc: Y.Doc, uid: string): Y.XmlElement {
  const block = blocks(doc).find((element) => uidOf(element) === uid)
  if (!block) throw new Error(`no block with uid ${uid}`)
  return block
}

/** Deletes the block with `uid` from its parent, as an editor deleting it whole would. */
export function deleteBlock(doc: Y.Doc, uid: string): void {
  const block = blockByUid(doc, uid)
  const parent = block.parent as Y.XmlElement
  parent.delete(parent.toArray().indexOf(block), 1)
}

/** The text of the first paragraph of the preamble. */
export function firstParagraph(doc: Y.Doc): Y.XmlText {
  const section = doc.getXmlFragment(DRAFT_FRAGMENT).get(0) as Y.XmlElement
  const paragraph = section.get(1) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

/** The text of a block (its first XmlText child), or throws. */
export function textOf(block: Y.XmlElement): Y.XmlText {
  const text = block.toArray().find((child) => child instanceof Y.XmlText)
  if (!(text instanceof Y.XmlText)) throw new Error('block without text')
  return text
}

/** The delta of a text, typed (Yjs types it loosely). */
export function deltaOf(
  text: Y.XmlText,
): { insert: unknown; attributes?: Record<string, unknown> }[] {
  return text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]
}

/** The plain text of a block (marks dropped), as the editor would show it. */
export function blockText(block: Y.XmlElement): string {
  let text = ''
  for (const child of block.toArray()) {
    if (!(child instanceof Y.XmlText)) continue
    for (const op of child.toDelta() as { insert?: unknown }[]) {
      if (typeof op.insert === 'string') text += op.insert
    }
  }
  return text
}

/** The plain text of the whole draft, one line per text block. */
export function draftText(doc: Y.Doc): string {
  return textBlocks(doc).map(blockText).join('\n')
}

// y-prosemirror keeps one Y.XmlText per run of inline content; a block that was emptied
// may have none, and then typing creates it.
function textForTyping(block: Y.XmlElement): Y.XmlText {
  const existing = block.toArray().find((child) => child instanceof Y.XmlText)
  if (existing instanceof Y.XmlText) return existing
  const text = new Y.XmlText()
  block.insert(block.length, [text])
  return text
}

/**
 * Types `text` at `index` (a character offset in the block, clamped to its length), as the
 * editor does: into the block's Y.XmlText, with no marks of its own.
 */
export function insertText(block: Y.XmlElement, index: number, text: string): void {
  const doc = block.doc
  if (!doc) throw new Error('block is not in a document')
  doc.transact(() => {
    const yText = textForTyping(block)
    yText.insert(Math.min(Math.max(index, 0), yText.length), text, {})
  })
}

/** Deletes up to `length` characters from `index` in the block. */
export function deleteText(block: Y.XmlElement, index: number, length: number): void {
  const doc = block.doc
  if (!doc) throw new Error('block is not in a document')
  doc.transact(() => {
    const yText = textForTyping(block)
    const start = Math.min(Math.max(index, 0), yText.length)
    const count = Math.min(length, yText.length - start)
    if (count > 0) yText.delete(start, count)
  })
}

/**
 * Adds a numbered paragraph with a new uid to a section, at `index` among its children
 * (at least 1: the section title comes first), and returns the uid.
 */
export function addParagraph(section: Y.XmlElement, index: number, text: string): string {
  const doc = section.doc
  if (!doc) throw new Error('section is not in a document')
  const uid = newUid()
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.setAttribute(UID_ATTRIBUTE, uid)
    const yText = new Y.XmlText()
    paragraph.insert(0, [yText])
    yText.insert(0, text)
    section.insert(Math.min(Math.max(index, 1), section.length), [paragraph])
  })
  return uid
}

/** Whether any text in the block carries a mark (italic, a proposal). */
export function hasMarks(block: Y.XmlElement): boolean {
  return block
    .toArray()
    .some(
      (child) =>
        child instanceof Y.XmlText &&
        (child.toDelta() as { attributes?: object }[]).some((op) => op.attributes !== undefined),
    )
}

/**
 * The first `count` unmarked text blocks of `type` that hold at least `minLength` characters:
 * plain text, so that what a test types belongs to no one's proposal.
 */
export function pickBlocks(
  doc: Y.Doc,
  count: number,
  { type = 'paragraph', minLength = 10 }: { type?: string; minLength?: number } = {},
): Y.XmlElement[] {
  const blocks = textBlocks(doc).filter(
    (block) =>
      block.nodeName === type &&
      blockText(block).length >= minLength &&
      uidOf(block) !== undefined &&
      !hasMarks(block),
  )
  if (blocks.length < count) {
    throw new Error(`the draft has ${blocks.length} ${type} blocks of ${minLength}+ characters`)
  }
  return blocks.slice(0, count)
}

/** A ProseMirror-JSON node, as the API and y-tiptap present it. */
export interface DocJson {
  type: string
  attrs?: Record<string, unknown>
  content?: DocJson[]
  text?: string
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

/** The client's draft as ProseMirror JSON (y-tiptap's conversion), normalized. */
export function draftJson(doc: Y.Doc): DocJson {
  return normalizeDocJson(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DRAFT_FRAGMENT)))
}

/**
 * One spelling per document, so that equal drafts compare equal whichever side rendered them:
 * null attributes dropped (ProseMirror writes defaults, y-tiptap only what is set), adjacent
 * text with the same marks joined (Yjs may split a run in two items), empty lists dropped.
 * Takes any JSON (the API's answer too) and throws if it is not a document node.
 */
export function normalizeDocJson(value: unknown): DocJson {
  const node = asRecord(value)
  if (typeof node.type !== 'string') throw new Error(`not a node: ${JSON.stringify(value)}`)
  const normalized: DocJson = { type: node.type }
  const attrs = compactAttrs(node.attrs === undefined ? undefined : asRecord(node.attrs))
  if (attrs) normalized.attrs = attrs
  if (typeof node.text === 'string') normalized.text = node.text
  const marks = asArray(node.marks).map((value) => {
    const mark = asRecord(value)
    if (typeof mark.type !== 'string') throw new Error(`not a mark: ${JSON.stringify(value)}`)
    const markAttrs = compactAttrs(mark.attrs === undefined ? undefined : asRecord(mark.attrs))
    return markAttrs ? { type: mark.type, attrs: markAttrs } : { type: mark.type }
  })
  if (marks.length > 0) normalized.marks = marks
  const content: DocJson[] = []
  for (const child of asArray(node.content).map(normalizeDocJson)) {
    const previous = content.at(-1)
    if (child.text === '') continue
    if (
      previous?.text !== undefined &&
      child.text !== undefined &&
      JSON.stringify(previous.marks ?? []) === JSON.stringify(child.marks ?? [])
    ) {
      previous.text += child.text
    } else {
      content.push(child)
    }
  }
  if (content.length > 0) normalized.content = content
  return normalized
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`not an object: ${JSON.stringify(value)}`)
  }
  return value as Record<string, unknown>
}

function asArray(value: unknown): unknown[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new Error(`not a list: ${JSON.stringify(value)}`)
  return value as unknown[]
}

function compactAttrs(
  attrs: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!attrs) return undefined
  const entries = Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
  return entries.length === 0 ? undefined : Object.fromEntries(entries)
}

/** A client's state vector as a sorted list, to compare what clients have seen. */
export function stateVector(doc: Y.Doc): [number, number][] {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort(([a], [b]) => a - b)
}

/** Whether every client's draft equals the first one's. */
export function allEqual(clients: readonly YClient[]): boolean {
  const [first, ...rest] = clients
  if (!first) return true
  const expected = JSON.stringify(draftJson(first.doc))
  return rest.every((client) => JSON.stringify(draftJson(client.doc)) === expected)
}

/** Waits until all clients hold the same draft and the same state vector. */
export async function waitForConvergence(
  clients: readonly YClient[],
  timeoutMs = 10_000,
  label = '',
): Promise<void> {
  await waitFor(
    () =>
      allEqual(clients) &&
      clients.every(
        (client) =>
          JSON.stringify(stateVector(client.doc)) === JSON.stringify(stateVector(clients[0]!.doc)),
      ),
    timeoutMs,
    () =>
      `${label}convergence of ${clients.map((client) => client.name).join(', ')}; state vectors: ${clients
        .map((client) => `${client.name} ${JSON.stringify(stateVector(client.doc))}`)
        .join('; ')}`,
  )
}
