import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import type { ExportBlock, ExportDocument, ExportRun } from './exportDocument.ts'

const CM = 567

const runOf = (run: ExportRun, bold = false): TextRun =>
  new TextRun({
    text: run.text,
    bold: bold || run.change === 'added',
    underline: run.change === 'added' ? {} : undefined,
    strike: run.change === 'removed',
  })

function paragraphOf(block: ExportBlock): Paragraph[] {
  const isTitle = block.kind === 'sectionTitle' || block.kind === 'objectiveTitle'
  const runs: TextRun[] = []
  if (block.label && block.kind !== 'sectionTitle')
    runs.push(new TextRun({ text: `${block.label}\t`, bold: isTitle }))
  runs.push(...block.runs.map((run) => runOf(run, isTitle)))
  const paragraphs = [
    new Paragraph({
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

/** A Word document of a revision or a comparison; Word shows insertions and deletions styled. */
export async function renderDocumentDocx(document: ExportDocument): Promise<Buffer> {
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
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [{ children: [...header, ...document.blocks.flatMap(paragraphOf)] }],
  })
  return Packer.toBuffer(doc)
}
