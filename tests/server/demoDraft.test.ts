import { describe, it, expect } from 'vitest'
import structure from '../../server/demo/compactStructure.fr.json' with { type: 'json' }
import { buildDemoDraft } from '../../server/demo/demoDraft.ts'
import { blocksOfJSON, numberDraft, type DraftJSON } from '../../shared/numbering.ts'
import { SECTION_KINDS, draftSchema, isUid } from '../../shared/schema/index.ts'

const textOf = (node: DraftJSON | undefined): string =>
  node?.text ?? (node?.content ?? []).map(textOf).join('')

const uidOf = (node: DraftJSON | undefined): string => {
  const uid = node?.attrs?.uid
  if (typeof uid !== 'string') throw new Error(`block without uid: ${JSON.stringify(node)}`)
  return uid
}

const draft = buildDemoDraft()
const blocks = blocksOfJSON(draft)
const sections = draft.content ?? []
const objectives = blocks.filter((node) => node.type === 'objective')
const numbers = numberDraft(draft)
const texts = blocks
  .filter((node) => node.content?.every((child) => child.type === 'text'))
  .map(textOf)

describe('buildDemoDraft', () => {
  it('is a valid draft for the shared schema', () => {
    expect(() => draftSchema.nodeFromJSON(draft).check()).not.toThrow()
  })

  it('is deterministic', () => {
    expect(buildDemoDraft()).toEqual(draft)
  })

  it('has the six sections of the compact, titled as the data file', () => {
    expect(sections.map((section) => section.attrs?.kind)).toEqual([...SECTION_KINDS])
    expect(sections.map((section) => textOf(section.content?.[0]))).toEqual(
      structure.sections_final_text,
    )
  })

  it('has the 23 objectives, titled as the data file', () => {
    expect(objectives.map((objective) => textOf(objective.content?.[0]))).toEqual(
      structure.objectifs.map((objective) => objective.titre),
    )
  })

  it('numbers the commitments 17 to 39 and 54 paragraphs in all, as the final text', () => {
    const commitmentNumber = (objective: DraftJSON | undefined) =>
      numbers.get(uidOf(objective?.content?.[1]))
    expect(commitmentNumber(objectives[0])).toMatchObject({ kind: 'paragraph', paragraph: 17 })
    expect(commitmentNumber(objectives[22])).toMatchObject({ kind: 'paragraph', paragraph: 39 })
    const paragraphs = [...numbers.values()].filter((number) => number.kind === 'paragraph')
    expect(paragraphs).toHaveLength(54)
    expect(paragraphs.map((number) => number.paragraph)).toEqual(
      Array.from({ length: 54 }, (_, i) => i + 1),
    )
  })

  it('gives every objective a commitment and 3 to 6 actions lettered from a)', () => {
    for (const objective of objectives) {
      const [, commitment, ...actions] = objective.content ?? []
      expect(textOf(commitment)).toMatch(/^Nous nous engageons à .+ suivantes\u00a0:$/)
      expect(actions.length).toBeGreaterThanOrEqual(3)
      expect(actions.length).toBeLessThanOrEqual(6)
      expect(numbers.get(uidOf(actions[0]))).toMatchObject({ kind: 'action', letter: 'a' })
    }
  })

  it('opens each guiding principle with its name in italics', () => {
    const principles = blocks.filter((node) => node.type === 'principle')
    expect(principles.map((principle) => principle.content?.[0])).toEqual(
      structure.principes_directeurs.map((name) => ({
        type: 'text',
        text: `${name}.`,
        marks: [{ type: 'italic' }],
      })),
    )
  })

  it('gives every block a unique, well-formed uid', () => {
    const uids = blocks.map(uidOf)
    expect(uids.filter((uid) => !isUid(uid))).toEqual([])
    expect(new Set(uids).size).toBe(uids.length)
  })

  it('follows French typography', () => {
    const faults = texts.filter(
      (text) => /['"]|[^\u00a0][;:?!%»]|«[^\u00a0]| {2}/.test(text) || text !== text.trim(),
    )
    expect(faults).toEqual([])
  })

  it('is the length of the real compact', () => {
    // A word has a letter or a digit: the punctuation after a non-breaking space is not one.
    const words = texts
      .join(' ')
      .split(/\s+/)
      .filter((token) => /[\p{L}\p{N}]/u.test(token)).length
    expect(words).toBeGreaterThanOrEqual(8_000)
    expect(words).toBeLessThanOrEqual(12_000)
  })
})
