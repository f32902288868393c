import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type ICommentOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx'
import { bookmarkOfUid } from './uidBookmarks.ts'
import type { WordBlock, WordDocument } from './wordDocument.ts'
import { RevisionIds, runsWithComments } from './wordRuns.ts'
import { WORD_STYLES, WordStyle } from './wordStyles.ts'

// Measures in twips (1/20 pt; 567 to the centimetre).
const CM = 567
const A4 = { width: 11_906, height: 16_838 }

/**
 * Word's own numbering, so that accepting or rejecting a new paragraph renumbers the rest. Blocks
 * added since the last revision ("23 bis.") are outside it: Word has no bis numbers.
 */
const NUMBERING = {
  config: [
    {
      reference: 'paragraphs',
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: CM, hanging: CM } } },
        },
      ],
    },
    {
      reference: 'actions',
      levels: [
        {
          level: 0,
          format: LevelFormat.LOWER_LETTER,
          text: '%1)',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 2 * CM, hanging: CM } } },
        },
      ],
    },
  ],
}

const PAGE_WORDS = { fr: 'Page', en: 'Page' } as const

/** The status UN texts print after a paragraph agreed ad referendum. */
const AD_REF_NOTES = { fr: ' [agréé ad referendum]', en: ' [agreed ad referendum]' } as const

function paragraphOptions(block: WordBlock): Partial<IParagraphOptions> {
  if (block.numberLabel && (block.kind === 'paragraph' || block.kind === 'action')) {
    const style = block.kind === 'paragraph' ? WordStyle.paragraph : WordStyle.action
    const left = block.kind === 'paragraph' ? CM : 2 * CM
    return { style, indent: { left, hanging: CM } }
  }
  switch (block.kind) {
    case 'title':
      return { heading: HeadingLevel.TITLE }
    case 'sectionTitle':
      return { heading: HeadingLevel.HEADING_1 }
    case 'objectiveTitle':
      return { heading: HeadingLevel.HEADING_2 }
    case 'paragraph':
      return { style: WordStyle.paragraph, numbering: { reference: 'paragraphs', level: 0 } }
    case 'action':
      return {
        style: WordStyle.action,
        // One numbering instance per objective: Word letters each objective's actions from a).
        numbering: { reference: 'actions', level: 0, instance: block.objective ?? 0 },
      }
    case 'principle':
      return { style: WordStyle.principle }
    case 'note':
      return { style: WordStyle.note }
    case 'alternative':
      // Under an action, as far in as its text.
      return { style: WordStyle.alternative, indent: { left: (block.objective ? 2 : 1) * CM } }
  }
}

function blockParagraph(
  block: WordBlock,
  commentIds: number[],
  ids: RevisionIds,
  language: WordDocument['language'],
): Paragraph {
  const runs = runsWithComments(block, commentIds, ids)
  const children: ParagraphChild[] = [
    ...(block.numberLabel ? [new TextRun({ children: [block.numberLabel, new Tab()] })] : []),
    ...(block.prefix ? [new TextRun(block.prefix)] : []),
    ...(block.uid ? [new Bookmark({ id: bookmarkOfUid(block.uid), children: runs })] : runs),
    ...(block.isAdRef ? [new TextRun({ text: AD_REF_NOTES[language], italics: true })] : []),
  ]
  const mark = block.mark
    ? {
        [block.mark.change === 'inserted' ? 'insertion' : 'deletion']: {
          id: ids.take(),
          ...block.mark.by,
        },
      }
    : {}
  return new Paragraph({ ...paragraphOptions(block), children, run: mark })
}

/**
 * A Word document with real tracked changes (Word's Review pane lists them by delegation), the
 * outline as headings, Word's own paragraph numbers and action letters, the symbol and title in
 * the page header and page numbers in the footer; comments carry supporters and rationales.
 */
export async function renderWordDocx(document: WordDocument): Promise<Buffer> {
  const ids = new RevisionIds()
  const comments: ICommentOptions[] = []
  const paragraphs = document.blocks.map((block) => {
    const commentIds = block.comments.map((comment) => {
      const id = comments.length
      comments.push({
        id,
        author: comment.author,
        initials: comment.author.slice(0, 3),
        date: new Date(comment.date),
        children: comment.paragraphs.map(
          (text) => new Paragraph({ children: [new TextRun(text)] }),
        ),
      })
      return id
    })
    return blockParagraph(block, commentIds, ids, document.language)
  })
  const header = new Header({
    children: [
      new Paragraph({
        style: WordStyle.pageHeader,
        tabStops: [{ type: TabStopType.RIGHT, position: A4.width - 4.4 * CM }],
        children: [new TextRun(document.symbol), new TextRun({ text: `\t${document.title}` })],
      }),
    ],
  })
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: [`${PAGE_WORDS[document.language]} `, PageNumber.CURRENT] }),
        ],
      }),
    ],
  })
  const doc = new Document({
    creator: 'Draftroom',
    title: document.title,
    subject: document.symbol,
    styles: WORD_STYLES,
    numbering: NUMBERING,
    comments: { children: comments },
    // Edits the delegate makes are tracked from the start: the file goes back as amendments.
    features: { trackRevisions: true },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: 2.5 * CM, bottom: 2 * CM, left: 2.2 * CM, right: 2.2 * CM },
          },
        },
        headers: { default: header },
        footers: { default: footer },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] }),
          ...(document.subtitle
            ? [
                new Paragraph({
                  style: WordStyle.subtitle,
                  children: [new TextRun(document.subtitle)],
                }),
              ]
            : []),
          ...paragraphs,
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
