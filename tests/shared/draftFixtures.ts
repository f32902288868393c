import type { DraftJSON } from '../../shared/numbering.ts'

/**
 * Drafts as ProseMirror JSON for the shared tests, built from a compact description. Uids are
 * readable and derived from the block's place (`o2-action-1`), so assertions can name blocks.
 */

export const text = (value: string): DraftJSON[] => [{ type: 'text', text: value }]

export const block = (type: string, uid: string, content?: DraftJSON[]): DraftJSON => ({
  type,
  attrs: { uid },
  ...(content ? { content } : {}),
})

export const paragraph = (uid: string, value = `Paragraphe ${uid}.`) =>
  block('paragraph', uid, text(value))

export const principle = (uid: string) => block('principle', uid, text(`Principe ${uid}.`))

export const action = (uid: string, value = `Action ${uid}.`) => block('action', uid, text(value))

export const objective = (uid: string, actionCount: number): DraftJSON =>
  block('objective', uid, [
    block('objectiveTitle', `${uid}-title`, text(`Titre ${uid}`)),
    block('commitment', `${uid}-commitment`, text(`Nous nous engageons à agir (${uid}).`)),
    ...Array.from({ length: actionCount }, (_, i) => action(`${uid}-action-${i}`)),
  ])

export const section = (uid: string, kind: string, content: DraftJSON[]): DraftJSON => ({
  type: 'section',
  attrs: { uid, kind },
  content: [block('sectionTitle', `${uid}-title`, text(`Section ${uid}`)), ...content],
})

export const doc = (...sections: DraftJSON[]): DraftJSON => ({ type: 'doc', content: sections })

/** A small compact: 3 preamble paragraphs, 2 principles and a paragraph, then the objectives. */
export function compact(objectives: DraftJSON[]): DraftJSON {
  return doc(
    section('preamble', 'preamble', [paragraph('p1'), paragraph('p2'), paragraph('p3')]),
    section('vision', 'vision', [principle('gp1'), principle('gp2'), paragraph('p4')]),
    section('objectives', 'objectives', objectives),
  )
}
