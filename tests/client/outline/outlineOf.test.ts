import { describe, expect, it } from 'vitest'
import { numberDocument } from '../../../client/src/numbering/numberingPlugin.ts'
import { isSameOutline, outlineOf } from '../../../client/src/outline/outlineOf.ts'
import { draftSchema } from '../../../shared/schema/index.ts'
import { compact, objective } from '../../shared/draftFixtures.ts'

const outlineOfDraft = (json: Parameters<typeof draftSchema.nodeFromJSON>[0]) =>
  outlineOf(numberDocument(draftSchema.nodeFromJSON(json)))

describe('outlineOf', () => {
  it('lists sections with their paragraph range and objectives with their paragraph', () => {
    const outline = outlineOfDraft(compact([objective('o1', 2), objective('o2', 1)]))
    expect(
      outline.map(({ title, paragraphs, objectives }) => ({
        title,
        paragraphs,
        objectives: objectives.map(({ number, title: t, paragraph, uid }) => ({
          number,
          title: t,
          paragraph,
          uid,
        })),
      })),
    ).toEqual([
      { title: 'Section preamble', paragraphs: { from: 1, to: 3 }, objectives: [] },
      { title: 'Section vision', paragraphs: { from: 4, to: 4 }, objectives: [] },
      {
        title: 'Section objectives',
        paragraphs: { from: 5, to: 6 },
        objectives: [
          { number: 1, title: 'Titre o1', paragraph: 5, uid: 'o1' },
          { number: 2, title: 'Titre o2', paragraph: 6, uid: 'o2' },
        ],
      },
    ])
  })

  it('tells a changed title from a mere shift of positions', () => {
    const before = outlineOfDraft(compact([objective('o1', 2)]))
    const shifted = before.map((section) => ({ ...section, pos: section.pos + 10 }))
    expect(isSameOutline(before, shifted)).toBe(true)
    const renamed = outlineOfDraft(compact([objective('o1', 2)]))
    const title = renamed[2]?.objectives[0]
    if (title) title.title = 'Titre o1 révisé'
    expect(isSameOutline(before, renamed)).toBe(false)
  })
})
