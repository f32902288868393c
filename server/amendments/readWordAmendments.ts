import { uidOfBookmark } from '../exports/word/uidBookmarks.ts'
import { fileError } from '../revisions/import/ImportError.ts'
import { MAX_IMPORT_BYTES, MAX_IMPORT_LINES, MAX_LINE_CHARS } from '../revisions/import/limits.ts'
import { xmlTokens, type XmlPart } from '../revisions/import/xmlTokens.ts'
import { openZip } from '../revisions/import/zipArchive.ts'
import type { AmendedParagraph, WordAmendments, WordComment } from './wordAmendments.ts'

// Read in the import worker, with the revision import's limits: the same zip reader (sizes
// counted while inflating, encrypted entries refused) and the same strict SAX parser.

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, i) => bytes[i] === byte)

// What is not the running text: former formatting of tracked changes, text boxes' fallbacks.
const SKIPPED = new Set(['w:pPrChange', 'w:rPrChange', 'mc:Fallback', 'w:instrText'])

function readComments(part: XmlPart | null): WordComment[] {
  const comments: WordComment[] = []
  let current: WordComment | null = null
  let paragraphs: string[] = []
  let inText = false
  for (const token of xmlTokens(part)) {
    if (token.kind === 'open') {
      if (token.name === 'w:comment') {
        current = {
          id: Number(token.attrs.get('w:id')),
          author: token.attrs.get('w:author') ?? '',
          text: '',
        }
        paragraphs = []
      } else if (token.name === 'w:p' && current) paragraphs.push('')
      else if (token.name === 'w:t') inText = !token.isSelfClosing
    } else if (token.kind === 'close') {
      if (token.name === 'w:t') inText = false
      if (token.name === 'w:comment' && current) {
        current.text = paragraphs.filter((p) => p.trim() !== '').join('\n')
        comments.push(current)
        current = null
      }
    } else if (inText && current && paragraphs.length > 0) {
      paragraphs[paragraphs.length - 1] += token.text
    }
  }
  return comments
}

/** The paragraphs of document.xml with their tracked changes, bookmarks and comment ranges. */
function readParagraphs(part: XmlPart): AmendedParagraph[] {
  const paragraphs: AmendedParagraph[] = []
  let paragraph: AmendedParagraph | null = null
  let pendingUid: string | null = null
  const inserted: string[] = []
  const deleted: string[] = []
  const comments = new Set<number>()
  let skipDepth = 0
  let inProperties = false
  let inText = false
  let length = 0
  const addText = (text: string) => {
    if (!paragraph || text === '') return
    length += text.length
    if (length > MAX_LINE_CHARS) {
      throw fileError(`Paragraph ${paragraph.index} is longer than ${MAX_LINE_CHARS} characters`)
    }
    const run = {
      text,
      insertedBy: inserted.at(-1) ?? null,
      deletedBy: deleted.at(-1) ?? null,
      comments: [...comments],
    }
    const last = paragraph.runs.at(-1)
    if (
      last &&
      last.insertedBy === run.insertedBy &&
      last.deletedBy === run.deletedBy &&
      last.comments.join() === run.comments.join()
    ) {
      last.text += text
    } else paragraph.runs.push(run)
  }
  for (const token of xmlTokens(part)) {
    if (token.kind === 'text') {
      if (inText && skipDepth === 0) addText(token.text)
      continue
    }
    const { name } = token
    if (token.kind === 'close') {
      if (SKIPPED.has(name)) skipDepth -= 1
      else if (name === 'w:t' || name === 'w:delText') inText = false
      else if (name === 'w:pPr') inProperties = false
      else if (name === 'w:ins' || name === 'w:moveTo') inserted.pop()
      else if (name === 'w:del' || name === 'w:moveFrom') deleted.pop()
      else if (name === 'w:p' && paragraph) {
        paragraphs.push(paragraph)
        paragraph = null
      }
      continue
    }
    if (SKIPPED.has(name)) {
      if (!token.isSelfClosing) skipDepth += 1
      continue
    }
    if (skipDepth > 0) continue
    const author = token.attrs.get('w:author') ?? ''
    switch (name) {
      case 'w:p':
        if (paragraphs.length >= MAX_IMPORT_LINES) {
          throw fileError(`The document has more than ${MAX_IMPORT_LINES} paragraphs`)
        }
        paragraph = {
          index: paragraphs.length + 1,
          uid: pendingUid,
          styleId: null,
          mark: null,
          runs: [],
        }
        pendingUid = null
        length = 0
        if (token.isSelfClosing) {
          paragraphs.push(paragraph)
          paragraph = null
        }
        break
      case 'w:pPr':
        inProperties = !token.isSelfClosing
        break
      case 'w:pStyle':
        if (paragraph && inProperties) paragraph.styleId = token.attrs.get('w:val') ?? null
        break
      case 'w:bookmarkStart': {
        const uid = uidOfBookmark(token.attrs.get('w:name') ?? '')
        // Word may move a bookmark's start just before its paragraph.
        if (uid && paragraph) paragraph.uid ??= uid
        else if (uid) pendingUid = uid
        break
      }
      case 'w:commentRangeStart':
        comments.add(Number(token.attrs.get('w:id')))
        break
      case 'w:commentRangeEnd':
        comments.delete(Number(token.attrs.get('w:id')))
        break
      case 'w:ins':
      case 'w:moveTo':
        // In the paragraph's properties, the paragraph mark itself was inserted.
        if (inProperties && paragraph) paragraph.mark = { change: 'inserted', author }
        else if (!token.isSelfClosing) inserted.push(author)
        break
      case 'w:del':
      case 'w:moveFrom':
        if (inProperties && paragraph) paragraph.mark = { change: 'deleted', author }
        else if (!token.isSelfClosing) deleted.push(author)
        break
      case 'w:t':
      case 'w:delText':
        inText = !token.isSelfClosing && !inProperties
        break
      default:
        break
    }
  }
  return paragraphs
}

/** Reads a .docx edited with track changes; throws an ImportError for a file it cannot read. */
export async function readWordAmendments(bytes: Uint8Array): Promise<WordAmendments> {
  if (bytes.byteLength === 0) throw fileError('The file is empty')
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw fileError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`)
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw fileError(
      'The file is encrypted (protected by a password) or an old .doc; save it as .docx without a password',
    )
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw fileError('The file is not a .docx document')
  const zip = await openZip(bytes)
  const document = await zip.readPart('word/document.xml')
  if (!document) throw fileError('The file is a zip archive but not a Word document')
  return {
    paragraphs: readParagraphs(document),
    comments: readComments(await zip.readPart('word/comments.xml')),
  }
}
