import { DRAFT_FRAGMENT } from '../../../../shared/draft/index.ts'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ClientOwners } from '../../../../server/collab/ClientOwners.ts'
import { LiveDraft } from '../../../../server/collab/LiveDraft.ts'
import type { DraftChange } from '../../../../server/collab/validation/draftChanges.ts'

const FRA = { proposalId: 'fra-000001', delegation: 'FRA' }

/** A draft with one action: agreed text, France's proposed words, agreed text. */
function draft(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc()
  const section = new Y.XmlElement('section')
  const action = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  doc.getXmlFragment(DRAFT_FRAGMENT).insert(0, [section])
  section.insert(0, [action])
  action.insert(0, [text])
  text.insert(0, 'Renforcer la coopération.')
  text.insert(9, ' durablement', { insertion: FRA })
  return { doc, text }
}

/** The changes the live draft judges when a client makes `edit` on its copy of `doc`. */
function changesOf(doc: Y.Doc, edit: (text: Y.XmlText) => void): DraftChange[] {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(client)
  const section = client.getXmlFragment(DRAFT_FRAGMENT).get(0) as Y.XmlElement
  const action = section.get(0) as Y.XmlElement
  edit(action.get(0) as Y.XmlText)
  const live = LiveDraft.load([Y.encodeStateAsUpdate(doc)], {
    isJudging: true,
    onAccepted: () => undefined,
  })
  const judged: DraftChange[] = []
  live.receive(Y.encodeStateAsUpdate(client, before), {
    origin: 'client',
    writer: 1,
    owners: new ClientOwners([]),
    chargeItems: () => true,
    judge: (change) => {
      judged.push(change)
      return null
    },
  })
  live.destroy()
  return judged.map((change) => ({ ...change, block: null }) as DraftChange)
}

describe('the changes an update makes to the text', () => {
  it('are only deletions when a proposal’s words are deleted whole, with their formatting', () => {
    // Yjs then "retains" the text after with `insertion: null`, which it already was.
    const { doc } = draft()
    const changes = changesOf(doc, (text) => text.delete(9, ' durablement'.length))
    expect(changes).toEqual([{ kind: 'textDeleted', block: null, attributes: { insertion: FRA } }])
  })

  it('still include formatting that really changes, with the value it had before', () => {
    const { doc } = draft()
    expect(changesOf(doc, (text) => text.format(9, 5, { insertion: null }))).toEqual([
      {
        kind: 'textFormatted',
        block: null,
        before: { insertion: FRA },
        after: { insertion: null },
      },
    ])
    expect(changesOf(doc, (text) => text.format(0, 9, { italic: {} }))).toEqual([
      { kind: 'textFormatted', block: null, before: { italic: null }, after: { italic: {} } },
    ])
  })
})
