import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { cellsOf, COLUMNS_FR, headingOf, type ConcordancePaper } from './concordancePaper.ts'

// Shares of the table's width: the two numbers, objective, text, fate, delegations.
const WIDTHS = [10, 10, 8, 46, 12, 14]

const cellOf = (text: string, width: number, isHeader: boolean): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: isHeader ? { fill: 'EEEEEE' } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader, size: 20 })] })],
  })

const rowOf = (cells: readonly string[], isHeader: boolean): TableRow =>
  new TableRow({
    tableHeader: isHeader,
    children: cells.map((cell, i) => cellOf(cell, WIDTHS[i] ?? 10, isHeader)),
  })

/** A Word document of a concordance: its table, with the header row repeated on every page. */
export async function renderConcordanceDocx(paper: ConcordancePaper): Promise<Buffer> {
  const { title, subtitle, date } = headingOf(paper)
  const { labels, rows } = paper.concordance
  const doc = new Document({
    creator: 'Draftroom',
    title: `${subtitle} — ${title}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.PORTRAIT } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: `Concordance — ${date}`, bold: true })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240 },
            children: [new TextRun({ text: title, bold: true, size: 30 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: subtitle, italics: true })],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              rowOf([labels.from, labels.to, ...COLUMNS_FR], true),
              ...rows.map((row) => rowOf(cellsOf(row), false)),
            ],
          }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
