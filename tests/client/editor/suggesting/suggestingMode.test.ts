// @vitest-environment happy-dom
import { DRAFT_FRAGMENT } from '../../../../shared/draft/index.ts'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { NodeSelection } from '@tiptap/pm/state'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { readProposals } from '../../../../server/collab/proposalRecords.ts'
import { applyDecisionToText } from '../../../../server/collab/applyDecision.ts'
import { action, block, compact, text } from '../../../shared/draftFixtures.ts'
import { posOf } from '../draftState.ts'
import { ProposalRoom, positionOf, type RoomClient } from './proposalRoom.ts'

const AGREED = 'Renforcer la coopération entre les pays.'

const draft = () =>
  compact([
    block('objective', 'o7', [
      block('objectiveTitle', 'o7-title', text('Réduire la vulnérabilité')),
      block('commitment', 'o7-commitment', text('Nous nous engageons à agir.')),
      action('o7-a', AGREED),
      action('o7-b', 'Appeler les parties à coopérer.'),
    ]),
  ])

let room: ProposalRoom
afterEach(() => room.destroy())

function open(): { fra: RoomClient } {
  room = new ProposalRoom(draft())
  return { fra: room.join('delegation', 'FRA') }
}

/** The server's copy equals the client's, and refused nothing. */
function expectAccepted(...clients: RoomClient[]): void {
  room.deliver()
  expect(room.refusals).toEqual([])
  const server = yXmlFragmentToProsemirrorJSON(room.live.getXmlFragment(DRAFT_FRAGMENT))
  for (const client of clients) {
    expect(yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment(DRAFT_FRAGMENT))).toEqual(server)
  }
}

const proposalsOnServer = () =>
  readProposals(room.live).map((p) => ({ delegation: p.delegation, status: p.status }))

describe('a delegation typing in suggesting mode', () => {
  it('proposes new text, which grows as the delegate types on', () => {
    const { fra } = open()
    fra.placeCursor('entre les pays', 'after')
    fra.type(' de ')
    room.deliver()
    fra.type('transit')
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe('Renforcer la coopération entre les pays[+ de transit+].')
    expect(proposalsOnServer()).toEqual([{ delegation: 'FRA', status: 'open' }])
  })

  it('types next to the same character without the server seeing agreed text change', () => {
    // y-prosemirror diffs strings: "a" typed before "a", or " " before " ", is ambiguous.
    const { fra } = open()
    fra.placeCursor('la coopération')
    fra.type('l')
    fra.placeCursor(' entre')
    fra.type(' ')
    fra.placeCursor('pays.', 'after')
    fra.backspace()
    fra.type('.')
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe('Renforcer [+l+]la coopération[+ +] entre les pays[+.+][-.-]')
  })

  it('marks deleted agreed text instead of deleting it, the cursor moving before it', () => {
    const { fra } = open()
    fra.placeCursor(' entre les pays', 'after')
    fra.backspace(4)
    fra.type('États')
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe('Renforcer la coopération entre les [+États+][-pays-].')
    expect(proposalsOnServer()).toHaveLength(1)
  })

  it('really deletes its own proposed text, even right before the same agreed character', () => {
    const { fra } = open()
    fra.placeCursor('s pays')
    fra.type('s')
    room.deliver()
    expect(fra.block('o7-a')).toBe('Renforcer la coopération entre le[+s+]s pays.')
    fra.placeCursor('ss pays')
    fra.deleteForward()
    fra.placeCursor('coopération', 'after')
    fra.type(' étroite')
    room.deliver()
    fra.backspace(8)
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe(AGREED)
  })

  it('replaces a selection: the old words marked, the new ones after them, one proposal', () => {
    const { fra } = open()
    fra.select('coopération')
    fra.type('collaboration')
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe('Renforcer la [-coopération-][+collaboration+] entre les pays.')
    const marks = fra.state.doc.textBetween(0, fra.state.doc.content.size)
    expect(marks).toContain('coopérationcollaboration')
    expect(proposalsOnServer()).toEqual([{ delegation: 'FRA', status: 'open' }])
  })

  it('cuts text as a proposed deletion', () => {
    const { fra } = open()
    fra.select('la coopération ')
    fra.cut()
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe('Renforcer [-la coopération -]entre les pays.')
  })

  it('proposes a new action with Enter at the end of one, and its text', () => {
    const { fra } = open()
    fra.placeCursor(AGREED, 'after')
    expect(fra.press('Enter')).toBe(true)
    room.deliver()
    fra.type('Échanger les bonnes pratiques.')
    expectAccepted(fra)
    const objective = fra.block('o7')
    expect(objective).toContain(`${AGREED} | {FRA+ [+Échanger les bonnes pratiques.+]} | Appeler`)
    expect(proposalsOnServer()).toHaveLength(1)
    // Emptied, then Backspace once more: the proposed action goes.
    fra.backspace('Échanger les bonnes pratiques.'.length + 1)
    expectAccepted(fra)
    expect(fra.block('o7')).not.toContain('FRA+')
  })

  it('pastes paragraphs into a line as one proposed insertion', () => {
    const { fra } = open()
    fra.placeCursor(' entre')
    fra.editor.view.pasteHTML('<p>, dans la durée,</p><p>et</p>')
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe(
      'Renforcer la coopération[+, dans la durée, et+] entre les pays.',
    )
  })

  it('proposes to delete a selected block instead of deleting it', () => {
    const { fra } = open()
    const pos = posOf(fra.state.doc, 'o7-b')
    fra.editor.view.dispatch(fra.state.tr.setSelection(NodeSelection.create(fra.state.doc, pos)))
    fra.backspace()
    expectAccepted(fra)
    expect(fra.block('o7-b')).toBe('{FRA- Appeler les parties à coopérer.}')
  })

  it('refuses to split or join agreed blocks, and says so', () => {
    const { fra } = open()
    fra.placeCursor(' entre')
    expect(fra.press('Enter')).toBe(true)
    fra.placeCursor('Appeler')
    fra.backspace()
    expectAccepted(fra)
    expect(fra.localRefusals).toEqual(['split', 'join'])
    expect(fra.block('o7-a')).toBe(AGREED)
    expect(fra.block('o7-b')).toBe('Appeler les parties à coopérer.')
  })

  it('refuses to move text by dragging it, which would mark everything in between', () => {
    const { fra } = open()
    const from = positionOf(fra.state.doc, 'Appeler')
    const tr = fra.state.tr.delete(from, from + 'Appeler '.length)
    tr.insertText('Appeler ', positionOf(fra.state.doc, 'Renforcer'))
    fra.editor.view.dispatch(tr.setMeta('uiEvent', 'drop'))
    expectAccepted(fra)
    expect(fra.localRefusals).toEqual(['move'])
    expect(fra.block('o7-b')).toBe('Appeler les parties à coopérer.')
  })

  it('ignores italic in suggesting mode', () => {
    const { fra } = open()
    fra.select('coopération')
    expect(fra.press('i', { ctrlKey: true })).toBe(true)
    fra.editor.commands.toggleItalic()
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe(AGREED)
  })

  it('proposes the deletion of a whole action, and withdraws it', () => {
    const { fra } = open()
    fra.placeCursor('Appeler')
    expect(fra.editor.commands.toggleBlockDeletion()).toBe(true)
    expectAccepted(fra)
    expect(fra.block('o7-b')).toBe('{FRA- Appeler les parties à coopérer.}')
    expect(fra.editor.commands.toggleBlockDeletion()).toBe(true)
    expectAccepted(fra)
    expect(fra.block('o7-b')).toBe('Appeler les parties à coopérer.')
  })

  it('marks blocks inserted with the toolbar as proposals', () => {
    const { fra } = open()
    fra.placeCursor('Appeler')
    expect(fra.editor.commands.insertActionAfter()).toBe(true)
    fra.type('Suivre les progrès.')
    fra.placeCursor('Nous nous engageons')
    expect(fra.editor.commands.insertObjectiveAfter()).toBe(true)
    fra.type('Objectif proposé')
    expectAccepted(fra)
    expect(fra.block('o7')).toContain('{FRA+ [+Suivre les progrès.+]}')
    expect(markupOfLastObjective(fra)).toBe('{FRA+ [+Objectif proposé+] |  | }')
  })

  it('undoes its own proposals, and the server agrees', () => {
    const { fra } = open()
    fra.select('coopération')
    fra.type('collaboration')
    room.deliver()
    fra.placeCursor('Appeler')
    fra.backspace()
    fra.placeCursor('parties', 'after')
    fra.backspace(3)
    room.deliver()
    fra.placeCursor('coopérer.', 'after')
    fra.press('Enter')
    room.deliver()
    fra.type('Nouvelle.')
    room.deliver()
    for (let i = 0; i < 10 && fra.editor.can().undo(); i++) {
      fra.editor.commands.undo()
      room.deliver()
    }
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe(AGREED)
    expect(fra.block('o7-b')).toBe('Appeler les parties à coopérer.')
    expect(fra.block('o7')).not.toContain('FRA')
  })
})

describe('several delegations and the co-facilitators', () => {
  it('keeps two delegations’ deletions of the same words, and each one’s text', () => {
    room = new ProposalRoom(draft())
    const fra = room.join('delegation', 'FRA')
    const mar = room.join('delegation', 'MAR')
    fra.select('entre les pays')
    fra.backspace()
    room.deliver()
    mar.select('entre les pays')
    mar.backspace()
    mar.type('au niveau régional')
    expectAccepted(fra, mar)
    expect(mar.block('o7-a')).toBe(
      'Renforcer la coopération [-FRA,MAR:entre les pays-][+au niveau régional+].',
    )
    // FRA cannot delete MAR's proposed words: it proposes their deletion.
    fra.select('régional')
    fra.backspace()
    expectAccepted(fra, mar)
    expect(fra.block('o7-a')).toContain('[+au niveau +][-[+régional+]-]')
  })

  it('lets a co-facilitator edit directly, or suggest as the co-facilitators', () => {
    room = new ProposalRoom(draft())
    const che = room.join('coFacilitator', 'CHE')
    che.placeCursor('pays', 'after')
    che.type(' concernés')
    expectAccepted(che)
    expect(che.block('o7-a')).toBe('Renforcer la coopération entre les pays<+ concernés+>.')
    che.editor.commands.setSuggesting(true)
    che.placeCursor('Renforcer', 'after')
    che.type(' encore')
    expectAccepted(che)
    expect(che.block('o7-a')).toBe(
      'Renforcer[+ encore+] la coopération entre les pays<+ concernés+>.',
    )
    expect(proposalsOnServer()).toEqual([{ delegation: 'co-facilitators', status: 'open' }])
  })

  it('tracks a co-facilitator’s direct edits as theirs: typed words marked, deleted ones struck', () => {
    room = new ProposalRoom(draft())
    const che = room.join('coFacilitator', 'CHE')
    const fra = room.join('delegation', 'FRA')
    che.select('coopération')
    che.type('collaboration')
    che.placeCursor(' entre les pays', 'after')
    che.backspace(5)
    expectAccepted(che, fra)
    expect(fra.block('o7-a')).toBe(
      'Renforcer la <-coopération-><+collaboration+> entre les<- pays->.',
    )
    // Their own new words go for good when they delete them; struck words stay struck.
    che.select('collaboration')
    che.backspace()
    che.select('coopération')
    che.backspace()
    expectAccepted(che, fra)
    expect(fra.block('o7-a')).toBe('Renforcer la <-coopération-> entre les<- pays->.')
  })

  it('still splits and joins blocks directly for a co-facilitator editing', () => {
    room = new ProposalRoom(draft())
    const che = room.join('coFacilitator', 'CHE')
    che.placeCursor(' entre les pays')
    che.editor.commands.splitBlock()
    expectAccepted(che)
    expect(che.block('o7-a')).toBe('Renforcer la coopération')
  })

  it('sees an accepted proposal become agreed text', () => {
    room = new ProposalRoom(draft())
    const fra = room.join('delegation', 'FRA')
    fra.select('coopération')
    fra.type('collaboration')
    room.deliver()
    const [proposal] = readProposals(room.live)
    room.live.transact(() =>
      applyDecisionToText(room.live, new Set([proposal?.id ?? '']), 'accept'),
    )
    expectAccepted(fra)
    expect(fra.block('o7-a')).toBe('Renforcer la collaboration entre les pays.')
    expect(Y.encodeStateVector(fra.doc)).toEqual(Y.encodeStateVector(room.live))
  })
})

function markupOfLastObjective(client: RoomClient): string {
  let last = ''
  client.state.doc.descendants((node) => {
    if (node.type.name === 'objective') last = String(node.attrs.uid)
    return !node.isTextblock
  })
  return client.block(last)
}
