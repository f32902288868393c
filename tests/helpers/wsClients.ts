import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { COLLAB_PATH, MessageType, draftRoomName } from '../../shared/collabProtocol.ts'

/** A stock y-websocket client, authenticated by a personal API token. */
export function connectClient(props: {
  baseUrl: string
  negotiationId: string
  token: string
  isDraftroomClient?: boolean
  doc?: Y.Doc
}) {
  const doc = props.doc ?? new Y.Doc()
  const notices: { code: string; message: string }[] = []
  const provider = new WebsocketProvider(
    `${props.baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}`,
    draftRoomName(props.negotiationId),
    doc,
    {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: {
        access_token: props.token,
        ...(props.isDraftroomClient ? { draftroom: '1' } : {}),
      },
      disableBc: true,
    },
  )
  provider.messageHandlers[MessageType.notice] = (_encoder, decoder) => {
    notices.push(JSON.parse(decoding.readVarString(decoder)) as { code: string; message: string })
  }
  provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
    decoding.readVarUint8Array(decoder)
  }
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    provider.once('sync', (isSynced: boolean) => isSynced && resolve())
  })
  return { doc, provider, notices, synced, destroy: () => provider.destroy() }
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
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await check()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
}

/** The text of the first paragraph of the preamble, where these tests type. */
export function firstParagraph(doc: Y.Doc): Y.XmlText {
  const section = doc.getXmlFragment('default').get(0) as Y.XmlElement
  const paragraph = section.get(1) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

/** The block elements of the draft, in document order. */
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
  visit(doc.getXmlFragment('default'))
  return found
}

/** The block with a given uid. */
export function blockByUid(doc: Y.Doc, uid: string): Y.XmlElement {
  const block = blocks(doc).find((b) => b.getAttribute('uid') === uid)
  if (!block) throw new Error(`no block ${uid}`)
  return block
}

/** Deletes the block with `uid` from its parent, as an editor deleting it whole would. */
export function deleteBlock(doc: Y.Doc, uid: string): void {
  const block = blockByUid(doc, uid)
  const parent = block.parent as Y.XmlElement
  parent.delete(parent.toArray().indexOf(block), 1)
}

/** The text of a block (its first XmlText child). */
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

/**
 * Draftroom clients of the accounts whose API tokens a test holds, connected on demand and
 * closed together (after each test).
 */
export function clientsOf(
  baseUrl: () => string,
  negotiationId: string,
  tokens: Record<string, string>,
) {
  const open: ReturnType<typeof connectClient>[] = []
  return {
    /** A synced client signed in as `name`, with Draftroom's own messages (notices). */
    connect: async (name: string) => {
      const token = tokens[name]
      if (!token) throw new Error(`no token for ${name}`)
      const client = connectClient({
        baseUrl: baseUrl(),
        negotiationId,
        token,
        isDraftroomClient: true,
      })
      open.push(client)
      await client.synced
      return client
    },
    closeAll: () => {
      for (const client of open.splice(0)) client.destroy()
    },
  }
}
