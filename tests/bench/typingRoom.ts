import * as Y from 'yjs'
import { INSERTED_BY_ATTR, INSERTION_MARK, type ProposalRef } from '../../shared/draft/index.ts'
import { ApiClient } from '../helpers/accounts.ts'
import {
  type YClient,
  blockByUid,
  connectWithToken,
  eventually,
  textOf,
} from '../helpers/yClients.ts'
import type { TextOperation } from './editingTrace.ts'

/**
 * The room of a replay: one typist proposing a new paragraph and stock y-websocket clients
 * watching, on Draftroom (signed in with demo accounts' API tokens) or on the reference
 * (no accounts).
 */

const NEGOTIATION_ID = 'pacte-mondial'
/** The paragraph after which the typist proposes its new one. */
const ANCHOR_PARAGRAPH = 'p-01'
/** The demo accounts the watching clients use, in turn. */
const RECEIVER_ACCOUNTS = ['mar', 'phl', 'deu', 'bra', 'egy', 'iom', 'mex']

type Client = YClient

export interface TypingRoom {
  typist: Client
  receivers: Client[]
  /** The document as the server served it, before the typist's paragraph. */
  initialState: Uint8Array
  /** The text of the typist's new paragraph, in the typist's document. */
  text: Y.XmlText
  /** The insertion mark the typist's text carries. */
  attributes: Record<string, ProposalRef>
  /** Connects one more client (as the first receiver account) and waits for its sync. */
  connectLatecomer(): Promise<Client>
  /** Fails unless `client` holds exactly `expected` in the paragraph, all of it marked. */
  expectText(client: Client, expected: string, who: string): void
  /** The messages the server refused, by code (Draftroom's audit log; none on the reference). */
  refusedMessages(): Promise<Record<string, number>>
  close(): void
}

/**
 * Connects the typist (a Draftroom client on Draftroom, so that a refusal comes back as a
 * notice) and `receiverCount` stock clients, proposes the typist's paragraph and waits until
 * every client has it (and its proposal record, written by Draftroom).
 */
export async function openTypingRoom(props: {
  url: string
  isDraftroom: boolean
  /** The typist's demo account (ignored on the reference). */
  typistAccount: string
  ref: ProposalRef
  receiverCount: number
  /** Whether Draftroom records the proposal (not with validation off); default: on Draftroom. */
  expectsProposalRecord?: boolean
}): Promise<TypingRoom> {
  const { url, isDraftroom, ref } = props
  const { tokens, api } = isDraftroom
    ? await signIn(url, [props.typistAccount, ...RECEIVER_ACCOUNTS])
    : { tokens: new Map<string, string>(), api: null }
  const clients: Client[] = []
  const connect = (account: string, isDraftroomClient = false) => {
    const client = connectWithToken({
      baseUrl: url,
      negotiationId: NEGOTIATION_ID,
      token: tokens.get(account) ?? 'none',
      isDraftroomClient,
    })
    clients.push(client)
    return client
  }
  const close = () => {
    for (const client of clients) {
      client.destroy()
      // The provider leaves its awareness (and the awareness's timer) to the document.
      client.doc.destroy()
    }
  }
  try {
    const typist = connect(props.typistAccount, isDraftroom)
    const receivers = Array.from({ length: props.receiverCount }, (_, i) =>
      connect(RECEIVER_ACCOUNTS[i % RECEIVER_ACCOUNTS.length]!),
    )
    await Promise.all(clients.map((client) => client.synced()))
    const initialState = Y.encodeStateAsUpdate(typist.doc)
    const uid = `${ref.proposalId}-paragraph`
    const text = proposeParagraph(typist.doc, uid, ref)
    await eventually(() => {
      for (const receiver of receivers) {
        blockByUid(receiver.doc, uid)
        // Draftroom's record of the proposal, the server's own update, comes before counting.
        if (
          (props.expectsProposalRecord ?? isDraftroom) &&
          !receiver.doc.getMap('proposals').has(ref.proposalId)
        ) {
          throw new Error(`no record of ${ref.proposalId} yet`)
        }
      }
    }, 30_000)
    return {
      typist,
      receivers,
      initialState,
      text,
      attributes: { [INSERTION_MARK]: ref },
      connectLatecomer: async () => {
        const latecomer = connect(RECEIVER_ACCOUNTS[0]!)
        await latecomer.synced()
        return latecomer
      },
      expectText: (client, expected, who) =>
        expectProposedText(client.doc, uid, ref, expected, who),
      refusedMessages: () => (api ? refusedMessages(api) : Promise.resolve({})),
      close,
    }
  } catch (error) {
    close()
    throw error
  }
}

/**
 * Calls `handleUpdate` for each update `doc` applies that comes from the typist (it adds or
 * deletes the typist's items), not for the server's own, such as a proposal record.
 */
export function countUpdatesFrom(doc: Y.Doc, typistId: number, handleUpdate: () => void): void {
  doc.on('update', (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    const isFromTypist =
      tr.afterState.get(typistId) !== tr.beforeState.get(typistId) ||
      tr.deleteSet.clients.has(typistId)
    if (isFromTypist) handleUpdate()
  })
}

/** Signs in each account and makes it an API token; returns them and the first one's client. */
async function signIn(
  url: string,
  accounts: string[],
): Promise<{ tokens: Map<string, string>; api: ApiClient }> {
  const tokens = new Map<string, string>()
  let api: ApiClient | null = null
  for (const account of new Set(accounts)) {
    const client = await ApiClient.signedIn(url, account)
    tokens.set(account, await client.createToken('bench'))
    api ??= client
  }
  if (!api) throw new Error('no account')
  return { tokens, api }
}

/** Types `operations` into `text` as one transaction (one update), marked as the proposal. */
export function typeOperations(
  text: Y.XmlText,
  operations: readonly TextOperation[],
  attributes: Record<string, ProposalRef>,
): void {
  const doc = text.doc
  if (!doc) throw new Error('the text is not in a document')
  doc.transact(() => {
    for (const { index, deleteLength, text: inserted } of operations) {
      if (deleteLength > 0) text.delete(index, deleteLength)
      if (inserted) text.insert(index, inserted, attributes)
    }
  })
}

/** Adds the typist's new paragraph, proposed whole, after the anchor; returns its text. */
export function proposeParagraph(doc: Y.Doc, uid: string, ref: ProposalRef): Y.XmlText {
  const anchor = blockByUid(doc, ANCHOR_PARAGRAPH)
  const parent = anchor.parent
  if (!(parent instanceof Y.XmlElement || parent instanceof Y.XmlFragment)) {
    throw new Error(`${ANCHOR_PARAGRAPH} has no parent block`)
  }
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.setAttribute('uid', uid)
  // An object, as y-prosemirror stores a node's attrs; Yjs's types assume string attributes.
  paragraph.setAttribute(INSERTED_BY_ATTR, ref as unknown as string)
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  parent.insert(parent.toArray().indexOf(anchor) + 1, [paragraph])
  return text
}

function expectProposedText(
  doc: Y.Doc,
  uid: string,
  ref: ProposalRef,
  expected: string,
  who: string,
): void {
  const delta = textOf(blockByUid(doc, uid)).toDelta() as {
    insert: unknown
    attributes?: Record<string, unknown>
  }[]
  const actual = delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
  if (actual !== expected) {
    const at = [...actual].findIndex((char, i) => char !== expected[i])
    throw new Error(
      `${who}: text differs from the trace's (length ${actual.length}, expected ` +
        `${expected.length}, first difference at ${at})`,
    )
  }
  const mark = JSON.stringify({ [INSERTION_MARK]: ref })
  if (!delta.every((op) => JSON.stringify(op.attributes) === mark)) {
    throw new Error(`${who}: some of the text is not marked as the typist's proposal`)
  }
}

/** Counts the collaboration messages the server refused, by code, from the audit log. */
async function refusedMessages(api: ApiClient): Promise<Record<string, number>> {
  const { status, body } = await api.json<{
    events: { action: string; details: Record<string, unknown> }[]
  }>('GET', `/api/negotiations/${NEGOTIATION_ID}/audit`)
  if (status !== 200) throw new Error(`audit log: ${status}`)
  const counts: Record<string, number> = {}
  for (const event of body.events) {
    if (event.action !== 'collab.refused') continue
    const code = typeof event.details.code === 'string' ? event.details.code : '?'
    counts[code] = (counts[code] ?? 0) + 1
  }
  return counts
}
