import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx'
import type { ExportBlock, ExportDocument, ExportRun } from './exportDocument.ts'
import { RevisionIds, wordRun } from './word/wordRuns.ts'

const CM = 567
const HEADING = { font: 'Times New Roman', size: 24, bold: true, color: '000000' }

/** Kept text plain; a comparison's insertions and deletions as Word tracked changes. */
const runOf = (
  run: ExportRun,
  by: ExportDocument['changesBy'],
  ids: RevisionIds,
  bold = false,
): ParagraphChild =>
  run.change === 'kept' || !by
    ? new TextRun({ text: run.text, bold })
    : wordRun(
        {
          text: run.text,
          isItalic: false,
          change: run.change === 'added' ? 'inserted' : 'deleted',
          by,
          proposalId: null,
        },
        ids,
      )

function paragraphOf(
  block: ExportBlock,
  by: ExportDocument['changesBy'],
  ids: RevisionIds,
): Paragraph[] {
  const isTitle = block.kind === 'sectionTitle' || block.kind === 'objectiveTitle'
  const runs: ParagraphChild[] = []
  if (block.label && block.kind !== 'sectionTitle')
    runs.push(new TextRun({ text: `${block.label}\t`, bold: isTitle }))
  runs.push(...block.runs.map((run) => runOf(run, by, ids, isTitle)))
  const paragraphs = [
    new Paragraph({
      // Headings show the outline in Word's navigation pane.
      heading:
        block.kind === 'sectionTitle'
          ? HeadingLevel.HEADING_1
          : block.kind === 'objectiveTitle'
            ? HeadingLevel.HEADING_2
            : undefined,
      children: runs,
      alignment: block.kind === 'sectionTitle' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent:
        block.kind === 'action'
          ? { left: 2 * CM, hanging: CM }
          : isTitle
            ? undefined
            : { left: CM, hanging: CM },
      spacing: { before: isTitle ? 240 : 0, after: 120 },
    }),
  ]
  if (block.note) {
    paragraphs.push(
      new Paragraph({
        children: [new TextRun({ text: block.note, italics: true, size: 18, color: '555555' })],
        indent: { left: CM },
        spacing: { after: 120 },
      }),
    )
  }
  return paragraphs
}

/**
 * A Word document of a revision or a comparison: a comparison's insertions and deletions are
 * tracked changes of the later revision, which Word can accept or reject.
 */
export async function renderDocumentDocx(document: ExportDocument): Promise<Buffer> {
  const ids = new RevisionIds()
  const header = [
    new Paragraph({
      children: [
        new TextRun({ text: `${document.kind} — ${document.date}`, bold: true, size: 20 }),
      ],
    }),
    new Paragraph({
      children: [new TextRun({ text: document.title, bold: true, size: 30 })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 240 },
    }),
    new Paragraph({
      children: [new TextRun({ text: document.subtitle, italics: true })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
  ]
  if (document.summary)
    header.push(
      new Paragraph({
        children: [new TextRun({ text: document.summary, size: 20 })],
        spacing: { after: 240 },
      }),
    )
  const doc = new Document({
    creator: 'Draftroom',
    title: `${document.kind} — ${document.title}`,
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: 24 } } },
      paragraphStyles: [
        { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', run: HEADING },
        { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', run: HEADING },
      ],
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [new TextRun({ text: `${document.kind}\t${document.title}`, size: 18 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })],
              }),
            ],
          }),
        },
        children: [
          ...header,
          ...document.blocks.flatMap((block) => paragraphOf(block, document.changesBy, ids)),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
