import * as Y from 'yjs'
import { deletionKey, DRAFT_FRAGMENT } from '../../shared/draft/index.ts'
import type { ProposalRef } from '../../shared/draft/index.ts'
import { openProposalRecord, proposalsMap } from '../collab/proposalRecords.ts'

/** A demo proposal: where it is, what it changes, and who supports it. */
interface DemoProposal {
  id: string
  username: string
  delegation: string
  objectiveUid: string
  blockUid: string
  /** Words proposed for deletion (found in the block's text), if any. */
  deletes?: string
  /** Text proposed for insertion, after `insertAfter` (or after the deleted words). */
  inserts?: string
  insertAfter?: string
  /** A whole new action proposed after `blockUid`. */
  newAction?: string
  supporters?: string[]
  rationale?: string
}

/** A few open proposals, in the register of the 2018 negotiations. */
export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    id: 'demo-fra-07a',
    username: 'fra',
    delegation: 'FRA',
    objectiveUid: 'obj-07',
    blockUid: 'obj-07-a',
    deletes: 'involontairement',
    inserts: 'directement ou indirectement',
    supporters: ['DEU'],
    rationale: 'Viser aussi les effets indirects des politiques, conformément au langage agréé.',
  },
  {
    id: 'demo-mar-07b',
    username: 'mar',
    delegation: 'MAR',
    objectiveUid: 'obj-07',
    blockUid: 'obj-07-b',
    inserts: ', y compris dans les pays de transit',
    insertAfter: 'à toutes les étapes de la migration',
  },
  {
    id: 'demo-phl-06',
    username: 'phl',
    delegation: 'PHL',
    objectiveUid: 'obj-06',
    blockUid: 'obj-06-b',
    newAction:
      'Promouvoir la conclusion d’accords bilatéraux sur le travail qui garantissent aux travailleurs migrants des conditions de travail décentes, l’égalité de traitement et l’accès à des voies de recours ;',
    supporters: ['BRA', 'EGY'],
  },
  {
    id: 'demo-egy-21a',
    username: 'egy',
    delegation: 'EGY',
    objectiveUid: 'obj-21',
    blockUid: 'obj-21-a',
    deletes: 'y compris des accords de réadmission, ',
  },
  {
    id: 'demo-bra-15b',
    username: 'bra',
    delegation: 'BRA',
    objectiveUid: 'obj-15',
    blockUid: 'obj-15-b',
    inserts: ', notamment aux soins de santé d’urgence et à l’éducation',
    insertAfter: 'aux services de base',
    supporters: ['MAR'],
  },
]

function findBlock(doc: Y.Doc, uid: string): Y.XmlElement {
  const visit = (node: Y.XmlElement | Y.XmlFragment): Y.XmlElement | null => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.getAttribute('uid') === uid) return child
      const found = visit(child)
      if (found) return found
    }
    return null
  }
  const block = visit(doc.getXmlFragment(DRAFT_FRAGMENT))
  if (!block) throw new Error(`demo: no block ${uid}`)
  return block
}

const textOf = (block: Y.XmlElement): Y.XmlText => {
  const text = block.toArray().find((child) => child instanceof Y.XmlText)
  if (!(text instanceof Y.XmlText)) throw new Error('demo: block without text')
  return text
}

/** Writes the demo proposals into the draft, with their records, in the caller's transaction. */
export function writeDemoProposals(
  doc: Y.Doc,
  authors: ReadonlyMap<string, { userId: number; name: string }>,
  now: Date,
): void {
  for (const proposal of DEMO_PROPOSALS) {
    const ref: ProposalRef = { proposalId: proposal.id, delegation: proposal.delegation }
    const block = findBlock(doc, proposal.blockUid)
    if (proposal.newAction) {
      const action = new Y.XmlElement('action')
      action.setAttribute('uid', `${proposal.blockUid}-${proposal.delegation.toLowerCase()}`)
      // y-prosemirror stores object attributes; Yjs's typings only know strings.
      action.setAttribute('insertedBy', ref as unknown as string)
      const text = new Y.XmlText()
      text.insert(0, proposal.newAction, { insertion: ref })
      action.insert(0, [text])
      const parent = block.parent as Y.XmlElement
      parent.insert(parent.toArray().indexOf(block) + 1, [action])
    } else {
      const text = textOf(block)
      const content: string = text.toJSON()
      if (proposal.deletes) {
        const at = content.indexOf(proposal.deletes)
        if (at < 0) throw new Error(`demo: "${proposal.deletes}" not in ${proposal.blockUid}`)
        text.format(at, proposal.deletes.length, { [deletionKey(ref)]: ref })
        if (proposal.inserts)
          text.insert(at + proposal.deletes.length, proposal.inserts, { insertion: ref })
      } else if (proposal.inserts && proposal.insertAfter) {
        const at = content.indexOf(proposal.insertAfter)
        if (at < 0) throw new Error(`demo: "${proposal.insertAfter}" not in ${proposal.blockUid}`)
        text.insert(at + proposal.insertAfter.length, proposal.inserts, { insertion: ref })
      }
    }
    const author = authors.get(proposal.username)
    if (!author) throw new Error(`demo: no user ${proposal.username}`)
    proposalsMap(doc).set(proposal.id, {
      ...openProposalRecord({
        id: proposal.id,
        delegation: proposal.delegation,
        author,
        objectiveUid: proposal.objectiveUid,
        blockUid: proposal.blockUid,
        now,
      }),
      supporters: proposal.supporters ?? [],
      rationale: proposal.rationale ?? '',
    })
  }
}
