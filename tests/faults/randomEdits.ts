import { DRAFT_FRAGMENT } from '../../shared/draft/index.ts'
import * as Y from 'yjs'
import type { Random } from '../collab/random.ts'
import {
  type YClient,
  addParagraph,
  blockText,
  deleteText,
  hasMarks,
  insertText,
  textBlocks,
  uidOf,
} from '../helpers/yClients.ts'
import { pause } from './seeds.ts'

/**
 * Seeded random typing by several clients in a few plain blocks of the demo draft: insertions,
 * deletions, and now and then a new paragraph in a section (where the schema allows one), as a
 * co-facilitator may make them. Every edit is traced, so that a failing seed can be read.
 */
export class RandomEditor {
  /** Uids of the blocks the clients type in (new paragraphs join them). */
  readonly editable = new Set<string>()
  readonly #sections: string[]
  edits = 0

  constructor(
    private readonly random: Random,
    private readonly clients: readonly YClient[],
    private readonly trace: string[],
    blockCount = 5,
  ) {
    const first = clients[0]
    if (!first) throw new Error('no clients')
    const candidates = textBlocks(first.doc).filter(
      (block) =>
        block.nodeName === 'paragraph' &&
        uidOf(block) !== undefined &&
        !hasMarks(block) &&
        blockText(block).length >= 10,
    )
    while (this.editable.size < Math.min(blockCount, candidates.length)) {
      this.editable.add(uidOf(random.pick(candidates))!)
    }
    this.#sections = sectionsOf(first.doc).map((section) => uidOf(section)!)
  }

  /** One random edit by one random client (online or not: offline edits are resent later). */
  step(): void {
    const client = this.random.pick(this.clients)
    const blocks = textBlocks(client.doc).filter((block) => this.editable.has(uidOf(block) ?? ''))
    if (blocks.length === 0) return
    const block = this.random.pick(blocks)
    const length = blockText(block).length
    const roll = this.random.next()
    this.edits++
    if (roll < 0.68 || length < 12) {
      const text = this.random.text(5)
      const index = this.random.int(length + 1)
      insertText(block, index, text)
      this.trace.push(
        `${client.name} inserts ${JSON.stringify(text)} at ${index} in ${uidOf(block)}`,
      )
    } else if (roll < 0.96) {
      const index = this.random.int(length)
      const count = 1 + this.random.int(3)
      deleteText(block, index, count)
      this.trace.push(`${client.name} deletes ${count} at ${index} in ${uidOf(block)}`)
    } else {
      const sectionUid = this.random.pick(this.#sections)
      const section = sectionsOf(client.doc).find((s) => uidOf(s) === sectionUid)
      if (!section) return
      const index = 1 + this.random.int(section.length)
      const uid = addParagraph(section, index, this.random.text(16))
      this.editable.add(uid)
      this.trace.push(`${client.name} adds paragraph ${uid} at ${index} in ${sectionUid}`)
    }
  }

  /** Edits for `ms`, pausing 1..`maxPauseMs` ms between edits so that messages interleave. */
  async typeFor(ms: number, maxPauseMs = 12): Promise<void> {
    const end = Date.now() + ms
    while (Date.now() < end) {
      this.step()
      await pause(1 + this.random.int(maxPauseMs))
    }
  }
}

/** The sections of a draft (its top-level elements). */
function sectionsOf(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement)
}
