import type { DraftJSON } from '../../../shared/numbering.ts'
import { docxLines } from './docxLines.ts'
import { readDocxNumbering } from './docxNumbering.ts'
import { readWordParagraphs } from './docxParagraphs.ts'
import { readDocxStyles } from './docxStyles.ts'
import { fileError } from './ImportError.ts'
import { MAX_IMPORT_BYTES } from './limits.ts'
import { importRevisionLines, type RevisionImport } from './parseRevisionText.ts'
import { xmlTokens } from './xmlTokens.ts'
import { openZip, type ZipArchive } from './zipArchive.ts'

// The relationship type of the main part ends so in transitional and strict Office Open XML.
const OFFICE_DOCUMENT = '/officeDocument'
const DEFAULT_DOCUMENT = 'word/document.xml'

// The main part is named in the package relationships; Word always calls it word/document.xml.
async function mainDocumentPath(zip: ZipArchive): Promise<string> {
  for (const token of xmlTokens(await zip.readPart('_rels/.rels'))) {
    if (token.kind !== 'open' || token.name !== 'Relationship') continue
    const target = token.attrs.get('Target')
    if (target && token.attrs.get('Type')?.endsWith(OFFICE_DOCUMENT)) {
      return target.startsWith('/') ? target.slice(1) : target
    }
  }
  return DEFAULT_DOCUMENT
}

/** Like `parseRevisionDocx`, also returning the paragraphs left out of the draft. */
export async function importRevisionDocx(bytes: Uint8Array): Promise<RevisionImport> {
  if (bytes.byteLength === 0) throw fileError('The file is empty')
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw fileError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`)
  }
  const zip = await openZip(bytes)
  const path = await mainDocumentPath(zip)
  const document = await zip.readPart(path)
  if (document === null) {
    throw fileError(`The file is a zip archive but not a Word document (it has no ${path})`)
  }
  const folder = path.slice(0, path.lastIndexOf('/') + 1)
  const styles = readDocxStyles(await zip.readPart(`${folder}styles.xml`))
  const numbering = readDocxNumbering(await zip.readPart(`${folder}numbering.xml`))
  const { lines, paragraphOfLine } = docxLines(readWordParagraphs(document), styles, numbering)
  return importRevisionLines(lines, (line) => (line > 0 ? (paragraphOfLine[line - 1] ?? 0) : 0))
}

/**
 * Parses a revision given as a .docx into a draft: one line per Word paragraph, Word's automatic
 * numbers written out ("17.", "a)"), then read as UN-style text by `parseRevisionText`.
 * Errors number the Word paragraphs; a damaged or non-Word file is an ImportError on line 0.
 */
export const parseRevisionDocx = async (bytes: Uint8Array): Promise<DraftJSON> =>
  (await importRevisionDocx(bytes)).draft
