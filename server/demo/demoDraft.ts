import type { DraftJSON } from '../../shared/numbering.ts'
import { SECTION_KINDS, type SectionKind } from '../../shared/schema/sectionKinds.ts'
import structure from './compactStructure.fr.json' with { type: 'json' }
import { FRAME_PARAGRAPHS, PRINCIPLE_SENTENCES } from './demoFrameText.fr.ts'
import { OBJECTIVES_01_TO_12 } from './demoObjectives01to12.fr.ts'
import { OBJECTIVES_13_TO_23 } from './demoObjectives13to23.fr.ts'
import type { DemoObjectiveText } from './demoTypes.ts'
import { frenchTypography } from './frenchTypography.ts'

// Uids are readable and deterministic so that tests, fixtures and the demo's proposals can name
// blocks. A paragraph's uid carries its number in the final text (p-16 is followed by p-40,
// the objectives' commitments being paragraphs 17-39); the number itself is never stored.

const SECTION_UIDS: Record<SectionKind, string> = {
  preamble: 'preamble',
  vision: 'vision',
  cooperativeFramework: 'cooperative-framework',
  objectives: 'objectives',
  implementation: 'implementation',
  followUp: 'follow-up',
}

const COMMITMENT_CLOSING = 'Pour tenir cet engagement, nous puiserons dans les actions suivantes :'

const OBJECTIVE_TEXTS: readonly DemoObjectiveText[] = [
  ...OBJECTIVES_01_TO_12,
  ...OBJECTIVES_13_TO_23,
]

const pad = (n: number): string => String(n).padStart(2, '0')

const text = (value: string): DraftJSON => ({ type: 'text', text: frenchTypography(value) })

const block = (type: string, uid: string, content: DraftJSON[]): DraftJSON => ({
  type,
  attrs: { uid },
  content,
})

/** Pairs the data file's entries with the demo's text, refusing to drop either side's extras. */
function pairUp<A, B>(data: readonly A[], texts: readonly B[], what: string): [A, B][] {
  if (data.length !== texts.length) {
    throw new Error(`demo draft: ${data.length} ${what} in the data file, ${texts.length} written`)
  }
  return data.map((entry, i) => {
    const written = texts[i]
    if (written === undefined) throw new Error(`demo draft: no text for ${what} ${i + 1}`)
    return [entry, written]
  })
}

function principleBlock(name: string, sentence: string, index: number): DraftJSON {
  return block('principle', `principle-${pad(index + 1)}`, [
    { type: 'text', text: frenchTypography(`${name}.`), marks: [{ type: 'italic' }] },
    text(` ${sentence}`),
  ])
}

function objectiveBlock(title: string, objective: DemoObjectiveText, index: number): DraftJSON {
  const uid = `obj-${pad(index + 1)}`
  const last = objective.actions.length - 1
  return block('objective', uid, [
    block('objectiveTitle', `${uid}-title`, [text(title)]),
    block('commitment', `${uid}-commitment`, [
      text(`${objective.commitment} ${COMMITMENT_CLOSING}`),
    ]),
    ...objective.actions.map((action, i) =>
      // Actions are letters of one sentence: each ends with a semicolon, the last with a period.
      block('action', `${uid}-${String.fromCharCode(97 + i)}`, [
        text(`${action}${i === last ? '.' : ' ;'}`),
      ]),
    ),
  ])
}

/**
 * The demo draft: the French compact "Pacte mondial pour des migrations sûres, ordonnées et
 * régulières" as ProseMirror JSON, valid against `draftSchema`, numbered as the final text
 * (objectives' commitments are paragraphs 17-39, 54 paragraphs in all).
 */
export function buildDemoDraft(): DraftJSON {
  const titles = pairUp(structure.sections_final_text, SECTION_KINDS, 'sections')
  const principles = pairUp(structure.principes_directeurs, PRINCIPLE_SENTENCES, 'principles')
  const objectives = pairUp(structure.objectifs, OBJECTIVE_TEXTS, 'objectives')

  let paragraph = 0
  const paragraphBlock = (value: string): DraftJSON => {
    paragraph += 1
    return block('paragraph', `p-${pad(paragraph)}`, [text(value)])
  }

  const sections = titles.map(([title, kind]): DraftJSON => {
    const uid = SECTION_UIDS[kind]
    let body: DraftJSON[]
    if (kind === 'objectives') {
      paragraph += objectives.length
      body = objectives.map(([{ titre }, objective], i) => objectiveBlock(titre, objective, i))
    } else {
      body = FRAME_PARAGRAPHS[kind].map(paragraphBlock)
      if (kind === 'vision') {
        body.push(...principles.map(([name, sentence], i) => principleBlock(name, sentence, i)))
      }
    }
    return {
      type: 'section',
      attrs: { uid, kind },
      content: [block('sectionTitle', `${uid}-title`, [text(title)]), ...body],
    }
  })
  return { type: 'doc', content: sections }
}
