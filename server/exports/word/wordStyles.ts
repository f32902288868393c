import { AlignmentType, type IStylesOptions } from 'docx'

/**
 * The paragraph styles of Draftroom's Word exports. Headings are Word's built-in Heading 1 and 2
 * (the navigation pane shows them); the text styles have names of their own, which the import
 * reads back to know what kind of block a paragraph added in Word is.
 */
export const WordStyle = {
  paragraph: 'DraftParagraph',
  action: 'DraftAction',
  principle: 'DraftPrinciple',
  note: 'DraftNote',
  alternative: 'DraftAlternative',
  subtitle: 'DraftSubtitle',
  pageHeader: 'DraftPageHeader',
} as const

const CM = 567
const FONT = 'Times New Roman'

const heading = (id: string, name: string, size: number, before: number, center = false) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT, size, bold: true, color: '000000' },
  paragraph: {
    spacing: { before, after: 120 },
    keepNext: true,
    ...(center ? { alignment: AlignmentType.CENTER } : {}),
  },
})

const text = (id: string, name: string, left: number) => ({
  id,
  name,
  basedOn: 'Normal',
  next: id,
  quickFormat: true,
  paragraph: {
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120 },
    indent: { left, hanging: left > 0 ? CM : 0 },
  },
})

export const WORD_STYLES: IStylesOptions = {
  default: { document: { run: { font: FONT, size: 24 } } },
  paragraphStyles: [
    heading('Title', 'Title', 30, 240, true),
    heading('Heading1', 'Heading 1', 24, 360, true),
    heading('Heading2', 'Heading 2', 24, 240),
    text(WordStyle.paragraph, 'Draft paragraph', CM),
    text(WordStyle.action, 'Draft action', 2 * CM),
    text(WordStyle.principle, 'Draft principle', 0),
    {
      id: WordStyle.note,
      name: 'Draft note',
      basedOn: 'Normal',
      run: { italics: true, size: 18, color: '555555' },
      paragraph: { indent: { left: CM }, spacing: { after: 120 } },
    },
    {
      id: WordStyle.alternative,
      name: 'Draft alternative',
      basedOn: 'Normal',
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        indent: { left: CM },
        spacing: { after: 120 },
      },
    },
    {
      id: WordStyle.subtitle,
      name: 'Draft subtitle',
      basedOn: 'Normal',
      run: { italics: true },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
    },
    {
      id: WordStyle.pageHeader,
      name: 'Draft page header',
      basedOn: 'Normal',
      run: { size: 20, bold: true },
      paragraph: { border: { bottom: { style: 'single', size: 6, color: '000000', space: 2 } } },
    },
  ],
}
