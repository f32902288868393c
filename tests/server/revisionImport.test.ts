import {
  AlignmentType,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  TextRun,
} from 'docx'
import { describe, expect, it } from 'vitest'
import structure from '../../server/demo/compactStructure.fr.json' with { type: 'json' }
import { buildDemoDraft } from '../../server/demo/demoDraft.ts'
import {
  ImportError,
  MAX_IMPORT_BYTES,
  importRevisionDocx,
  importRevisionFile,
  importRevisionText,
  parseRevisionDocx,
  parseRevisionText,
  type ImportIssue,
} from '../../server/revisions/import/index.ts'
import {
  MAX_DOCX_PART_BYTES,
  MAX_IMPORT_BLOCKS,
  MAX_IMPORT_LINES,
  MAX_LINE_CHARS,
} from '../../server/revisions/import/limits.ts'
import { blocksOfJSON, numberDraft, type DraftJSON } from '../../shared/numbering.ts'
import { SECTION_KINDS, draftSchema, isUid } from '../../shared/schema/index.ts'
import {
  WELL_FORMED_BODY,
  digitStyle,
  documentXml,
  encryptedDocx,
  endlessPrinciple,
  handWrittenDocx,
  overLongLine,
  spacedParagraphs,
  threeLinesUnderLimit,
  unterminatedRelationships,
  wordParagraph,
  zipBomb,
  zipOf,
} from '../helpers/hostileImports.ts'

const NBSP = '\u00a0'

const textOf = (node: DraftJSON | undefined): string =>
  node?.text ?? (node?.content ?? []).map(textOf).join('')

const uidOf = (node: DraftJSON | undefined): string => {
  const uid = node?.attrs?.uid
  if (typeof uid !== 'string') throw new Error(`block without uid: ${JSON.stringify(node)}`)
  return uid
}

/** The draft without its uids, to compare an imported draft with the one it was written from. */
const withoutUids = (node: DraftJSON): unknown =>
  JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'uid' ? undefined : value)))

const sectionsOf = (draft: DraftJSON) => draft.content ?? []
const ofType = (draft: DraftJSON, type: string) =>
  blocksOfJSON(draft).filter((node) => node.type === type)

/** Checks the draft against the schema and returns it. */
function valid(draft: DraftJSON): DraftJSON {
  expect(() => draftSchema.nodeFromJSON(draft).check()).not.toThrow()
  return draft
}

/** The issues of the ImportError that `run` throws (or rejects with). */
async function importIssues(run: () => unknown): Promise<readonly ImportIssue[]> {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError)
    return error instanceof ImportError ? error.issues : []
  }
  throw new Error('expected an ImportError')
}

const demo = buildDemoDraft()
const demoNumbers = numberDraft(demo)
const label = (node: DraftJSON): string => demoNumbers.get(uidOf(node))?.label ?? ''

/** One line per block of the demo draft, as a UN text prints it: numbers and letters typed. */
const demoLines: string[] = blocksOfJSON(demo).flatMap((node): string[] => {
  switch (node.type) {
    case 'sectionTitle':
    case 'principle':
      return [textOf(node)]
    case 'objective':
      return [`${label(node)}${NBSP}: ${textOf(node.content?.[0])}`]
    case 'paragraph':
    case 'commitment':
    case 'action':
      return [`${label(node)} ${textOf(node)}`]
    default:
      return []
  }
})

/** Breaks a line at spaces into lines of at most `width` characters, as a PDF or e-mail does. */
function wrap(line: string, width: number): string[] {
  const lines: string[] = []
  let current = ''
  for (const word of line.split(' ')) {
    if (current !== '' && `${current} ${word}`.length > width) {
      lines.push(current)
      current = word
    } else {
      current = current === '' ? word : `${current} ${word}`
    }
  }
  return current === '' ? lines : [...lines, current]
}

describe('parseRevisionText', () => {
  it('reads the French demo draft printed as a UN text into the same structure', () => {
    const draft = valid(parseRevisionText(demoLines.join('\n\n')))
    const numbers = numberDraft(draft)
    const objectives = ofType(draft, 'objective')

    expect(sectionsOf(draft).map((section) => section.attrs?.kind)).toEqual([...SECTION_KINDS])
    expect(sectionsOf(draft).map((section) => textOf(section.content?.[0]))).toEqual(
      structure.sections_final_text,
    )
    expect(objectives.map((objective) => textOf(objective.content?.[0]))).toEqual(
      structure.objectifs.map((objective) => objective.titre),
    )
    expect(objectives.map((objective) => objective.content?.[1]?.type)).toEqual(
      Array(23).fill('commitment'),
    )
    expect(objectives.map((objective) => (objective.content?.length ?? 0) - 2)).toEqual(
      ofType(demo, 'objective').map((objective) => (objective.content?.length ?? 0) - 2),
    )
    expect(ofType(draft, 'paragraph')).toHaveLength(31)
    expect([...numbers.values()].filter((number) => number.kind === 'paragraph')).toHaveLength(54)
    expect(numbers.get(uidOf(objectives[0]?.content?.[1]))).toMatchObject({ paragraph: 17 })
    expect(numbers.get(uidOf(objectives[22]?.content?.[1]))).toMatchObject({ paragraph: 39 })
    expect(ofType(draft, 'principle').map((principle) => principle.content?.[0])).toEqual(
      structure.principes_directeurs.map((name) => ({
        type: 'text',
        text: `${name}.`,
        marks: [{ type: 'italic' }],
      })),
    )
    // No typed number or letter is kept in the text: numbering is derived.
    const texts = blocksOfJSON(draft).map(textOf)
    expect(texts.filter((text) => /^(\d+\.|\(?[a-z]{1,2}\))\s/.test(text))).toEqual([])
    expect(withoutUids(draft)).toEqual(withoutUids(demo))
  })

  it('gives every block a new, unique uid', () => {
    const uids = blocksOfJSON(parseRevisionText(demoLines.join('\n'))).map(uidOf)
    expect(uids.filter((uid) => !isUid(uid))).toEqual([])
    expect(new Set(uids).size).toBe(uids.length)
    expect(uids).not.toContain('obj-01')
  })

  it('joins the continuation lines of the demo text wrapped at 72 columns, without blank lines', () => {
    const wrapped = demoLines.flatMap((line) => wrap(line, 72))
    expect(wrapped.length).toBeGreaterThan(demoLines.length * 3)
    expect(withoutUids(valid(parseRevisionText(wrapped.join('\n'))))).toEqual(withoutUids(demo))
  })

  it('reads an English text with "(a)" actions, "Objective 1:" headings and chapter numerals', () => {
    const text = [
      'United Nations A/CONF.231/3',
      'Global Compact for Safe, Orderly and Regular Migration',
      '',
      'I. Preamble',
      '',
      '1. We, the Heads of State and Government and High Representatives, meeting in',
      'Morocco on 10 and 11 December 2018, have adopted this Global Compact.',
      '',
      '2.\tThis Global Compact rests on the purposes and principles of the Charter.',
      '',
      'II. OUR VISION AND GUIDING PRINCIPLES',
      '',
      '3. This Global Compact is based on a set of cross-cutting and interdependent guiding',
      'principles:',
      '',
      'People-centred. The Global Compact carries a strong human dimension to it,',
      'inherent to the migration experience itself.',
      'International cooperation. The Global Compact is a legally non-binding cooperative',
      'framework.',
      '',
      `III.${NBSP}Objectives for safe, orderly and regular migration`,
      '',
      'Objective 1: Collect and utilize accurate and disaggregated data as a basis for',
      'evidence-based policies',
      '',
      '4. We commit to strengthen the global evidence base on international migration.',
      'To realize this commitment, we will draw from the following actions:',
      '',
      '(a) Elaborate and implement a comprehensive strategy for improving migration data;',
      '',
      '(b) Improve international comparability and compatibility of migration statistics.',
      '',
      'Objective 2:',
      'Minimize the adverse drivers and structural factors that compel people to leave',
      '5. We commit to create conducive political, economic and social conditions.',
      '(a) Promote the implementation of the 2030 Agenda for Sustainable Development.',
      '',
      'IV. Implementation',
      '',
      '6. We will implement the Global Compact in cooperation and partnership.',
    ].join('\n')

    const { draft, skipped } = importRevisionText(text)
    valid(draft)
    expect(skipped).toEqual([
      { line: 1, text: 'United Nations A/CONF.231/3', reason: 'frontMatter' },
      {
        line: 2,
        text: 'Global Compact for Safe, Orderly and Regular Migration',
        reason: 'frontMatter',
      },
    ])
    expect(sectionsOf(draft).map((section) => section.attrs?.kind)).toEqual([
      'preamble',
      'vision',
      'objectives',
      'implementation',
    ])
    expect(sectionsOf(draft).map((section) => textOf(section.content?.[0]))).toEqual([
      'Preamble',
      'OUR VISION AND GUIDING PRINCIPLES',
      'Objectives for safe, orderly and regular migration',
      'Implementation',
    ])
    expect(ofType(draft, 'paragraph').map(textOf)).toEqual([
      'We, the Heads of State and Government and High Representatives, meeting in Morocco on 10 and 11 December 2018, have adopted this Global Compact.',
      'This Global Compact rests on the purposes and principles of the Charter.',
      'This Global Compact is based on a set of cross-cutting and interdependent guiding principles:',
      'We will implement the Global Compact in cooperation and partnership.',
    ])
    expect(ofType(draft, 'principle').map((principle) => principle.content)).toEqual([
      [
        { type: 'text', text: 'People-centred.', marks: [{ type: 'italic' }] },
        {
          type: 'text',
          text: ' The Global Compact carries a strong human dimension to it, inherent to the migration experience itself.',
        },
      ],
      [
        { type: 'text', text: 'International cooperation.', marks: [{ type: 'italic' }] },
        {
          type: 'text',
          text: ' The Global Compact is a legally non-binding cooperative framework.',
        },
      ],
    ])
    const objectives = ofType(draft, 'objective')
    expect(objectives.map((objective) => objective.content?.map(textOf))).toEqual([
      [
        'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
        'We commit to strengthen the global evidence base on international migration. To realize this commitment, we will draw from the following actions:',
        'Elaborate and implement a comprehensive strategy for improving migration data;',
        'Improve international comparability and compatibility of migration statistics.',
      ],
      [
        'Minimize the adverse drivers and structural factors that compel people to leave',
        'We commit to create conducive political, economic and social conditions.',
        'Promote the implementation of the 2030 Agenda for Sustainable Development.',
      ],
    ])
    const numbers = numberDraft(draft)
    expect(numbers.get(uidOf(objectives[0]?.content?.[1]))).toMatchObject({ paragraph: 4 })
    expect(numbers.get(uidOf(objectives[1]?.content?.[2]))).toMatchObject({
      objective: 2,
      letter: 'a',
    })
  })

  it('joins continuation lines with one space, and ends a block at a blank line', () => {
    const draft = parseRevisionText(
      [
        'Préambule',
        '1. Première ligne',
        '   suite\tavec    des espaces',
        `fin${NBSP};`,
        '',
        'Un texte sans numéro après une ligne blanche.',
        '2.',
        'Le numéro seul sur sa ligne.',
      ].join('\r\n'),
    )
    expect(ofType(draft, 'paragraph').map(textOf)).toEqual([
      `Première ligne suite avec des espaces fin${NBSP};`,
      'Un texte sans numéro après une ligne blanche.',
      'Le numéro seul sur sa ligne.',
    ])
  })

  it('opens a preamble for paragraphs before any heading, an objectives section for objectives', () => {
    const draft = valid(
      parseRevisionText(
        [
          '1. Nous, chefs d’État et de gouvernement, avons adopté le présent Pacte mondial.',
          'Objectif 1 : Collecter des données',
          '2. Nous nous engageons à renforcer la base de connaissances.',
          'a) Élaborer une stratégie.',
        ].join('\n'),
      ),
    )
    expect(
      sectionsOf(draft).map((section) => [section.attrs?.kind, textOf(section.content?.[0])]),
    ).toEqual([
      ['preamble', 'Préambule'],
      ['objectives', 'Objectifs pour des migrations sûres, ordonnées et régulières'],
    ])
    const onlyObjectives = parseRevisionText('Objective 1: Collect data\n17. We commit.\n(a) Act.')
    expect(sectionsOf(onlyObjectives).map((section) => textOf(section.content?.[0]))).toEqual([
      'Objectives for safe, orderly and regular migration',
    ])
  })

  it('leaves out the list of objective titles printed before the objectives', () => {
    const { draft, skipped } = importRevisionText(
      [
        'Notre cadre de coopération',
        '16. Le présent Pacte mondial énonce 23 objectifs.',
        'Objectifs pour des migrations sûres,',
        'ordonnées et régulières',
        '1. Collecter et utiliser des données précises',
        '2. Lutter contre les facteurs négatifs',
        'Objectif 1 : Collecter et utiliser des données précises',
        '17. Nous nous engageons à renforcer la base de connaissances.',
        'a) Élaborer une stratégie.',
      ].join('\n'),
    )
    expect(sectionsOf(draft).map((section) => section.attrs?.kind)).toEqual([
      'cooperativeFramework',
      'objectives',
    ])
    expect(skipped.map(({ line, reason }) => [line, reason])).toEqual([
      [5, 'objectivesList'],
      [6, 'objectivesList'],
    ])
    expect(ofType(draft, 'paragraph').map(textOf)).toEqual([
      'Le présent Pacte mondial énonce 23 objectifs.',
    ])
    expect(ofType(draft, 'objective')).toHaveLength(1)
  })

  it('keeps lettered sub-paragraphs and roman sub-items in the block they belong to', () => {
    const draft = parseRevisionText(
      [
        'Mise en œuvre',
        '43. Nous décidons de créer un mécanisme de renforcement des capacités composé de :',
        '',
        'a) une plateforme de connexion ;',
        '',
        'b) un fonds de démarrage.',
        'Objectif 1 : Un objectif',
        '17. Nous nous engageons.',
        'a) Renforcer les capacités :',
        'i) en formant les agents ;',
        '',
        'ii) en échangeant des données ;',
        'b) Coopérer.',
      ].join('\n'),
    )
    expect(ofType(draft, 'paragraph').map(textOf)).toEqual([
      'Nous décidons de créer un mécanisme de renforcement des capacités composé de : a) une plateforme de connexion ; b) un fonds de démarrage.',
    ])
    expect(ofType(draft, 'action').map(textOf)).toEqual([
      'Renforcer les capacités : i) en formant les agents ; ii) en échangeant des données ;',
      'Coopérer.',
    ])
  })

  it('lists every line that cannot be placed, with its line number', async () => {
    const text = [
      'Préambule',
      'a) Une action hors de tout objectif',
      '1. Un paragraphe.',
      'Objectifs pour des migrations sûres, ordonnées et régulières',
      'Objectif 1 : Premier objectif',
      'a) Une action avant l’engagement',
      'Objectif 2 : Second objectif',
      '18. Nous nous engageons.',
      'a) Une action ;',
      '',
      'Un texte sans numéro après les actions.',
      'Objectif 3 :',
    ].join('\n')
    const issues = await importIssues(() => parseRevisionText(text))
    expect(issues.map(({ line }) => line)).toEqual([2, 5, 6, 11, 12, 12])
    expect(issues.map(({ message }) => message)).toEqual([
      '"a) Une action hors de tout objectif" is lettered as an action but is in no objective',
      'Objective 1 has no commitment paragraph (a numbered paragraph after its heading)',
      '"a) Une action avant l’engagement" comes before the commitment paragraph of objective 1',
      '"Un texte sans numéro après les actions." follows the actions of objective 2 without a number or a letter',
      'Objective 3 has no title',
      'Objective 3 has no commitment paragraph (a numbered paragraph after its heading)',
    ])
  })

  it('lists the first hundred problems and counts the others', async () => {
    const strays = Array.from({ length: 150 }, () => '(a) Une action égarée.')
    const issues = await importIssues(() => parseRevisionText(['Préambule', ...strays].join('\n')))
    expect(issues).toHaveLength(101)
    expect(issues[0]?.line).toBe(2)
    expect(issues[100]).toEqual({ line: 0, message: '... and 50 more problems' })
  })

  it('refuses an empty text, and a text with no structure with one error', async () => {
    expect(await importIssues(() => parseRevisionText(' \n\n\t\n'))).toEqual([
      { line: 0, message: 'The document is empty' },
    ])
    const prose = 'Une lettre.\n\nElle parle de migrations\nmais n’a ni titre ni numéro.\na) Non.'
    expect(await importIssues(() => parseRevisionText(prose))).toEqual([
      {
        line: 0,
        message:
          'No section heading, objective heading or numbered paragraph was found: the text has no recognisable structure',
      },
    ])
  })
})

const NUMBERED = 'un-paragraphs'

/** A .docx written by the `docx` package, as bytes. */
async function docxBytes(children: Paragraph[]): Promise<Uint8Array> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            {
              level: 1,
              format: LevelFormat.LOWER_LETTER,
              text: '%2)',
              alignment: AlignmentType.START,
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

/** The demo draft as Word writes a UN text: typed numbers, headings, actions numbered by Word. */
function demoParagraphs(): Paragraph[] {
  const paragraphs = [new Paragraph({ heading: HeadingLevel.TITLE, text: structure.title })]
  for (const node of blocksOfJSON(demo)) {
    switch (node.type) {
      case 'sectionTitle':
        paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: textOf(node) }))
        break
      case 'objective':
        paragraphs.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            text: `${label(node)}${NBSP}: ${textOf(node.content?.[0])}`,
          }),
        )
        break
      case 'paragraph':
        paragraphs.push(
          new Paragraph({
            children: [new TextRun({ children: [label(node), new Tab(), textOf(node)] })],
          }),
        )
        break
      case 'commitment':
      case 'action':
        paragraphs.push(
          new Paragraph({
            numbering: { reference: NUMBERED, level: node.type === 'action' ? 1 : 0 },
            text: textOf(node),
          }),
        )
        break
      case 'principle':
        paragraphs.push(
          new Paragraph({
            children: (node.content ?? []).map(
              (run) => new TextRun({ text: run.text ?? '', italics: run.marks !== undefined }),
            ),
          }),
        )
        break
    }
  }
  return paragraphs
}

describe('parseRevisionDocx', () => {
  it('reads the demo draft written with the docx package: headings, typed numbers, Word lists', async () => {
    const { draft, skipped } = await importRevisionDocx(await docxBytes(demoParagraphs()))
    expect(skipped).toEqual([{ line: 1, text: structure.title, reason: 'frontMatter' }])
    expect(withoutUids(valid(draft))).toEqual(withoutUids(demo))
    const objectives = ofType(draft, 'objective')
    expect(objectives).toHaveLength(23)
    expect(numberDraft(draft).get(uidOf(objectives[0]?.content?.[1]))).toMatchObject({
      paragraph: 17,
    })
  })

  it('reads runs, tabs, line breaks, entities and tracked changes, and skips hidden text and text boxes', async () => {
    const numbered = (level: number, text: string) =>
      `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`
    const body = [
      '<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Pr&#233;ambule</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>1.</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">L&apos;Assembl&#xE9;e &amp; les </w:t></w:r>',
      '<w:r><w:t>  États  </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>caché</w:t></w:r>',
      '<w:del w:id="1" w:author="A"><w:r><w:delText>supprimé</w:delText></w:r></w:del>',
      '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve"> «&#160;membres&#160;» &lt;A/73/L.66&gt;</w:t></w:r></w:ins></w:p>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Zone de texte</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>',
      '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Zone de texte</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
      '<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Objectifs pour des migrations sûres, ordonnées et régulières</w:t></w:r></w:p>',
      '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Objectif 1</w:t><w:br/><w:t>Un titre sur deux lignes</w:t></w:r></w:p>',
      numbered(0, 'Nous nous engageons.'),
      numbered(1, 'Première action ;'),
      numbered(1, 'Seconde action.'),
      '<w:p/>',
    ].join('')
    const draft = valid(await parseRevisionDocx(handWrittenDocx(body)))
    expect(sectionsOf(draft).map((section) => textOf(section.content?.[0]))).toEqual([
      'Préambule',
      'Objectifs pour des migrations sûres, ordonnées et régulières',
    ])
    expect(ofType(draft, 'paragraph').map(textOf)).toEqual([
      `L'Assemblée & les États «${NBSP}membres${NBSP}» <A/73/L.66>`,
    ])
    expect(ofType(draft, 'objective').map((objective) => objective.content?.map(textOf))).toEqual([
      ['Un titre sur deux lignes', 'Nous nous engageons.', 'Première action ;', 'Seconde action.'],
    ])
  })

  it('numbers its errors by Word paragraph', async () => {
    const bytes = await docxBytes([
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        text: 'Objectifs pour des migrations sûres, ordonnées et régulières',
      }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, text: `Objectif 1${NBSP}: Un objectif` }),
      new Paragraph({ numbering: { reference: NUMBERED, level: 1 }, text: 'Une action trop tôt.' }),
      new Paragraph({ heading: HeadingLevel.HEADING_2, text: `Objectif 2${NBSP}: Un autre` }),
      new Paragraph({ text: '17.\tNous nous engageons.' }),
      new Paragraph({
        children: [
          new InsertedTextRun({
            text: 'a) Une action.',
            id: 1,
            author: 'A',
            date: '2018-07-13T00:00:00Z',
          }),
        ],
      }),
      new Paragraph({
        children: [
          new DeletedTextRun({
            text: 'b) Retirée.',
            id: 2,
            author: 'A',
            date: '2018-07-13T00:00:00Z',
          }),
        ],
      }),
    ])
    const issues = await importIssues(() => parseRevisionDocx(bytes))
    expect(issues).toEqual([
      {
        line: 2,
        message: 'Objective 1 has no commitment paragraph (a numbered paragraph after its heading)',
      },
      {
        line: 3,
        message: '"a) Une action trop tôt." comes before the commitment paragraph of objective 1',
      },
    ])
  })

  it('refuses a damaged .docx, random bytes, an empty file and an empty document', async () => {
    const docx = await docxBytes(demoParagraphs())
    const truncated = docx.slice(0, docx.byteLength / 2)
    const damaged = docx.slice()
    const documentPart = Buffer.from(docx).indexOf('word/document.xml')
    for (let i = 200; i < 260; i += 1) damaged[documentPart + i] = 0x55
    let seed = 42
    const random = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed & 0xff
    })

    const fileIssue = async (bytes: Uint8Array) => {
      const issues = await importIssues(() => parseRevisionDocx(bytes))
      expect(issues).toHaveLength(1)
      expect(issues[0]?.line).toBe(0)
      return issues[0]?.message
    }
    expect(await fileIssue(truncated)).toMatch(/not a \.docx document/)
    expect(await fileIssue(damaged)).toMatch(/damaged/)
    expect(await fileIssue(random)).toMatch(/not a \.docx document/)
    expect(await fileIssue(new Uint8Array())).toBe('The file is empty')
    expect(await fileIssue(await docxBytes([]))).toBe('The document is empty')
    expect(await fileIssue(await docxBytes([new Paragraph({ text: ' ' })]))).toBe(
      'The document is empty',
    )
  })

  it('refuses a zip that is not a Word document, a zip bomb and a file above the size limit', async () => {
    const notWord = zipOf({ 'content.xml': Buffer.from('<office:document/>') })
    expect(await importIssues(() => parseRevisionDocx(notWord))).toEqual([
      {
        line: 0,
        message: 'The file is a zip archive but not a Word document (it has no word/document.xml)',
      },
    ])
    // A part that inflates past the limit while claiming to be small.
    const bomb = zipOf(
      { 'word/document.xml': Buffer.alloc(MAX_DOCX_PART_BYTES + 1, 0x20) },
      { declaredSize: 1000 },
    )
    expect(bomb.byteLength).toBeLessThan(MAX_IMPORT_BYTES)
    expect(await importIssues(() => parseRevisionDocx(bomb))).toEqual([
      { line: 0, message: 'The .docx file holds a part too large to import' },
    ])
    const tooLarge = new Uint8Array(MAX_IMPORT_BYTES + 1)
    expect(await importIssues(() => parseRevisionDocx(tooLarge))).toEqual([
      { line: 0, message: 'The file is larger than 5 MiB' },
    ])
  })
})

/** How long `read` takes (ms), whether it returns or throws. */
async function timeOf(read: () => unknown): Promise<number> {
  const started = performance.now()
  try {
    await read()
  } catch {
    // Refusals are timed too.
  }
  return performance.now() - started
}

// The first readers took from 10 s to hours on these files; linear reading takes milliseconds.
// The bound leaves room for a slow, shared test machine.
const AT_ONCE_MS = 2_000

describe('reading hostile files', () => {
  it('refuses a line longer than MAX_LINE_CHARS, naming it, in a text and in a .docx', async () => {
    expect(await importIssues(() => parseRevisionText(overLongLine(MAX_LINE_CHARS + 1)))).toEqual([
      {
        line: 3,
        message: expect.stringMatching(/^The line is longer than 20,000 characters/) as string,
      },
    ])
    const docx = handWrittenDocx(
      `${wordParagraph('Préambule')}${wordParagraph('a'.repeat(MAX_LINE_CHARS + 1))}`,
    )
    expect((await importIssues(() => parseRevisionDocx(docx))).map(({ line }) => line)).toEqual([2])
  })

  it('refuses more than MAX_IMPORT_LINES lines or paragraphs', async () => {
    expect(await importIssues(() => parseRevisionText('\n'.repeat(MAX_IMPORT_LINES)))).toEqual([
      { line: 0, message: 'The document has more than 250,000 lines' },
    ])
    const paragraphs = handWrittenDocx('<w:p/>'.repeat(MAX_IMPORT_LINES + 1))
    expect(await importIssues(() => parseRevisionDocx(paragraphs))).toEqual([
      { line: 0, message: 'The document has more than 250,000 paragraphs' },
    ])
  })

  it('refuses a draft of more than MAX_IMPORT_BLOCKS blocks', async () => {
    // The preamble's section and title, then one block per paragraph.
    const preamble = (paragraphs: number) =>
      [
        'Préambule',
        ...Array.from({ length: paragraphs }, (_, i) => `${(i % 999) + 1}. Nous.`),
      ].join('\n')
    const atTheLimit = parseRevisionText(preamble(MAX_IMPORT_BLOCKS - 2))
    expect(blocksOfJSON(atTheLimit)).toHaveLength(MAX_IMPORT_BLOCKS)
    expect(await importIssues(() => parseRevisionText(preamble(MAX_IMPORT_BLOCKS - 1)))).toEqual([
      {
        line: 0,
        message:
          'The document has 5,001 headings, paragraphs and actions; a revision may have 5,000',
      },
    ])
  })

  it('tells a .doc or a password-protected .docx, and text that is not UTF-8, from a .docx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    expect(await importIssues(() => importRevisionFile(ole))).toEqual([
      {
        line: 0,
        message:
          'The file is a .doc or a .docx protected by a password; save it as .docx without a password',
      },
    ])
    const latin1 = Buffer.from('Préambule\n\n1. Nous, chefs d’État.', 'latin1')
    expect(await importIssues(() => importRevisionFile(latin1))).toEqual([
      { line: 0, message: 'The file is neither a .docx nor UTF-8 text.' },
    ])
  })

  it('refuses XML that is not well-formed at its first error, a DTD and deep nesting', async () => {
    const relationships = unterminatedRelationships()
    expect(await timeOf(() => parseRevisionDocx(relationships))).toBeLessThan(AT_ONCE_MS)
    expect(await importIssues(() => parseRevisionDocx(relationships))).toEqual([
      {
        line: 0,
        message: expect.stringMatching(
          /^The \.docx file is damaged \(its XML cannot be read: _rels\/\.rels:1:\d+: /,
        ) as string,
      },
    ])
    const entities = zipOf({
      'word/document.xml': Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaa">]><d>&a;&a;&a;</d>',
      ),
    })
    expect(await importIssues(() => parseRevisionDocx(entities))).toEqual([
      {
        line: 0,
        message:
          'The .docx file is damaged (word/document.xml declares a DTD, which Word never writes)',
      },
    ])
    const deep = handWrittenDocx(`${'<w:sdt>'.repeat(300)}${'</w:sdt>'.repeat(300)}`)
    expect(await importIssues(() => parseRevisionDocx(deep))).toEqual([
      { line: 0, message: 'The .docx file nests elements deeper than 256 in word/document.xml' },
    ])
  })

  it('refuses an encrypted part, and a zip bomb while it inflates', async () => {
    expect(await importIssues(() => parseRevisionDocx(encryptedDocx()))).toEqual([
      { line: 0, message: 'The .docx file is encrypted; save it without a password' },
    ])
    const tooLarge = [{ line: 0, message: 'The .docx file holds a part too large to import' }]
    // 64 MiB of spaces claiming 1,000 bytes: inflating stops at the 1,001st.
    const bomb = zipBomb(64 * 1024 * 1024)
    expect(await timeOf(() => parseRevisionDocx(bomb))).toBeLessThan(AT_ONCE_MS)
    expect(await importIssues(() => parseRevisionDocx(bomb))).toEqual(tooLarge)
    // Declared honestly above the limit: refused before inflating.
    const declared = zipOf(
      { 'word/document.xml': Buffer.alloc(1_000, 0x20) },
      { declaredSize: MAX_DOCX_PART_BYTES + 1 },
    )
    expect(await importIssues(() => parseRevisionDocx(declared))).toEqual(tooLarge)
    const short = zipOf(
      { 'word/document.xml': documentXml(WELL_FORMED_BODY) },
      { declaredSize: 1_000_000 },
    )
    expect(await importIssues(() => parseRevisionDocx(short))).toEqual([
      { line: 0, message: 'The .docx file is damaged (word/document.xml is truncated)' },
    ])
  })

  it('reads lines of punctuation just under the limit at once', async () => {
    const text = threeLinesUnderLimit(MAX_LINE_CHARS)
    expect(await timeOf(() => parseRevisionText(text))).toBeLessThan(AT_ONCE_MS)
    expect(await importIssues(() => parseRevisionText(text))).toEqual([
      { line: 0, message: expect.stringMatching(/no recognisable structure/) as string },
    ])
  })

  it('trims long runs of spaces and reads long style ids at once', async () => {
    const spaced = spacedParagraphs(MAX_LINE_CHARS - 10)
    expect(await timeOf(() => parseRevisionDocx(spaced))).toBeLessThan(AT_ONCE_MS)
    expect(ofType(await parseRevisionDocx(spaced), 'paragraph').map(textOf)).toEqual(
      Array(10).fill('Nous'),
    )
    const styled = digitStyle(1_000_000)
    expect(await timeOf(() => parseRevisionDocx(styled))).toBeLessThan(AT_ONCE_MS)
    expect(
      sectionsOf(await parseRevisionDocx(styled)).map((section) => section.attrs?.kind),
    ).toEqual(['preamble'])
  })

  it('reads a principle continued over a megabyte of lines at once', async () => {
    const text = endlessPrinciple(1024 * 1024)
    expect(await timeOf(() => parseRevisionText(text))).toBeLessThan(AT_ONCE_MS)
    expect(ofType(parseRevisionText(text), 'paragraph')).toHaveLength(1)
  })
})
