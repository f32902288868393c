import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TextRun,
  type ParagraphChild,
} from 'docx'
import type { WordRevision } from './word/wordDocument.ts'
import { wordDate } from './word/wordDocument.ts'
import { RevisionIds, wordRun } from './word/wordRuns.ts'
import {
  AD_REF_WORDS,
  STATUS_LABELS,
  delegationText,
  frenchDate,
  type Compilation,
  type CompilationBlock,
  type CompilationProposal,
  type CompilationRun,
} from './compilation.ts'

// Measures in twips (1/20 pt; 567 to the centimetre) and run sizes in half-points.
const CM = 567
const A4 = { width: 11_906, height: 16_838 }
const PROPOSAL_SIZE = 20

const GONE: Record<CompilationProposal['status'], string> = {
  open: 'La modification n’apparaît plus dans le texte.',
  accepted: 'Modification intégrée au texte.',
  rejected: 'Modification écartée.',
  withdrawn: 'Proposition retirée par son auteur.',
}

/**
 * Runs of text; a proposal's insertions and deletions are Word tracked changes by its delegation
 * (`by`), so that the compilation can be reviewed in Word's Review pane. Agreed text is plain.
 */
function textRuns(
  runs: readonly CompilationRun[],
  ids: RevisionIds,
  by: WordRevision | null = null,
  size?: number,
): ParagraphChild[] {
  return runs.map((run) => {
    const change = run.change === 'kept' || !by ? 'kept' : run.change
    const child = wordRun(
      { text: run.text, isItalic: run.isItalic, change, by, proposalId: null },
      ids,
    )
    return size && change === 'kept'
      ? new TextRun({ text: run.text, size, ...(run.isItalic ? { italics: true } : {}) })
      : child
  })
}

function proposalParagraphs(
  proposal: CompilationProposal,
  indent: number,
  ids: RevisionIds,
): Paragraph[] {
  const by = { author: proposal.delegation.name, date: wordDate(proposal.createdAt) }
  const small = { size: PROPOSAL_SIZE }
  const box = {
    indent: { left: indent + CM / 2 },
    border: { left: { style: BorderStyle.SINGLE, size: 8, color: '777777', space: 6 } },
  }
  const paragraphs = [
    new Paragraph({
      ...box,
      keepNext: true,
      spacing: { before: 80 },
      children: [
        new TextRun({ ...small, text: delegationText(proposal.delegation), bold: true }),
        new TextRun({ ...small, text: ` — ${STATUS_LABELS[proposal.status]}`, smallCaps: true }),
      ],
    }),
    new Paragraph({
      ...box,
      alignment: AlignmentType.JUSTIFIED,
      children: proposal.alternative
        ? [
            new TextRun({ ...small, text: proposal.alternative.label, italics: true, bold: true }),
            new TextRun({
              ...small,
              text: ` ${proposal.alternative.text} [${proposal.delegation.code ?? proposal.delegation.name}]`,
            }),
          ]
        : proposal.runs.length > 0
          ? textRuns(proposal.runs, ids, by, PROPOSAL_SIZE)
          : [new TextRun({ ...small, text: GONE[proposal.status], italics: true })],
    }),
  ]
  const meta = (label: string, text: string) =>
    new Paragraph({
      ...box,
      children: [
        new TextRun({ ...small, text: `${label} : `, italics: true }),
        new TextRun({ ...small, text }),
      ],
    })
  if (proposal.supporters.length > 0) {
    paragraphs.push(meta('Appuyée par', proposal.supporters.map(delegationText).join(', ')))
  }
  if (proposal.rationale) paragraphs.push(meta('Justification', proposal.rationale))
  return paragraphs
}

function blockParagraphs(block: CompilationBlock, ids: RevisionIds): Paragraph[] {
  const text = block.isProposed
    ? [new TextRun({ text: '[Nouveau texte proposé]', italics: true })]
    : textRuns(block.runs, ids)
  const indent = block.kind === 'action' ? 2 * CM : CM
  const proposals = (at: number) => block.proposals.flatMap((p) => proposalParagraphs(p, at, ids))
  switch (block.kind) {
    case 'sectionTitle':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: text }), ...proposals(0)]
    case 'objectiveTitle':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun(`${block.label ?? ''} `), ...text],
        }),
        ...proposals(0),
      ]
    case 'paragraph':
    case 'commitment':
    case 'principle':
    case 'action': {
      const label = block.label ? [new TextRun({ children: [block.label, new Tab()] })] : []
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: block.label ? { left: indent, hanging: CM } : { left: CM },
          spacing: { before: 120 },
          children: [
            ...label,
            ...text,
            ...(block.isAdRef
              ? [new TextRun({ text: ` [${AD_REF_WORDS}]`, italics: true, bold: true })]
              : []),
          ],
        }),
        ...proposals(indent),
      ]
    }
  }
}

function headerParagraphs(compilation: Compilation): Paragraph[] {
  const total = compilation.summary.reduce((sum, { count }) => sum + count, 0)
  const counts = compilation.summary
    .map(({ status, count }) => `${STATUS_LABELS[status]} : ${count}`)
    .join(' ; ')
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      border: { bottom: { style: BorderStyle.THICK, size: 18, color: '000000', space: 2 } },
      children: [new TextRun({ text: frenchDate(compilation.generatedAt), size: PROPOSAL_SIZE })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(compilation.title)] }),
    new Paragraph({
      children: [new TextRun({ text: 'Compilation des propositions', bold: true, size: 26 })],
    }),
    ...(compilation.statusFilter
      ? [
          new Paragraph({
            children: [
              new TextRun({
                text: `Propositions au statut « ${STATUS_LABELS[compilation.statusFilter]} » seulement.`,
                italics: true,
              }),
            ],
          }),
        ]
      : []),
    new Paragraph({
      spacing: { before: 160, after: 240 },
      children: [new TextRun({ text: `Propositions : ${total} (${counts})`, italics: true })],
    }),
  ]
}

const heading = (id: string, name: string, size: number, before: number) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: 'Times New Roman', size, bold: true, color: '000000' },
  paragraph: { spacing: { before, after: 120 }, keepNext: true },
})

/** The compilation as a Word document (A4, Times New Roman), returned as the file's bytes. */
export async function renderCompilationDocx(compilation: Compilation): Promise<Buffer> {
  const ids = new RevisionIds()
  const unplaced =
    compilation.unplaced.length > 0
      ? [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun('Propositions dont le texte n’est plus dans le projet')],
          }),
          ...compilation.unplaced.flatMap((p) => proposalParagraphs(p, 0, ids)),
        ]
      : []
  const document = new Document({
    title: `Compilation des propositions — ${compilation.title}`,
    creator: 'Draftroom',
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: 24 } } },
      paragraphStyles: [
        heading('Title', 'Title', 30, 240),
        heading('Heading1', 'Heading 1', 24, 360),
        heading('Heading2', 'Heading 2', 24, 240),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: 2 * CM, bottom: 2 * CM, left: 2.2 * CM, right: 2.2 * CM },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: PROPOSAL_SIZE })],
              }),
            ],
          }),
        },
        children: [
          ...headerParagraphs(compilation),
          ...compilation.blocks.flatMap((b) => blockParagraphs(b, ids)),
          ...unplaced,
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}
