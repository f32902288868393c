import { crc32, deflateRawSync } from 'node:zlib'

// Files built to make the import slow or large, as reproduced against the first import readers.
// Each is small on the wire; what it costs is in how it is read.

interface ZipOptions {
  /** Lies about the inflated size of every part, as a zip bomb does. */
  declaredSize?: number
  /** Sets the "encrypted" flag of every part (the data stays readable, as a tampered file). */
  isEncrypted?: boolean
}

/** A zip archive of the given parts, deflated, written field by field so that it may lie. */
export function zipOf(parts: Record<string, Uint8Array>, options: ZipOptions = {}): Uint8Array {
  const chunks: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  const flags = options.isEncrypted ? 1 : 0
  for (const [name, data] of Object.entries(parts)) {
    const nameBytes = Buffer.from(name)
    const deflated = deflateRawSync(data, { level: 9 })
    const size = options.declaredSize ?? data.byteLength
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc32(data), 14)
    local.writeUInt32LE(deflated.byteLength, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(nameBytes.byteLength, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc32(data), 16)
    central.writeUInt32LE(deflated.byteLength, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(nameBytes.byteLength, 28)
    central.writeUInt32LE(offset, 42)
    chunks.push(local, nameBytes, deflated)
    directory.push(central, nameBytes)
    offset += local.byteLength + nameBytes.byteLength + deflated.byteLength
  }
  const directoryBytes = Buffer.concat(directory)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(parts).length, 8)
  end.writeUInt16LE(Object.keys(parts).length, 10)
  end.writeUInt32LE(directoryBytes.byteLength, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...chunks, directoryBytes, end]))
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'

/** word/document.xml with the given body. */
export const documentXml = (body: string): Buffer =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:mc="${MC}"><w:body>${body}</w:body></w:document>`,
  )

/** A minimal .docx holding only word/document.xml with the given body. */
export const handWrittenDocx = (body: string, options: ZipOptions = {}): Uint8Array =>
  zipOf({ 'word/document.xml': documentXml(body) }, options)

/** A Word paragraph of one run of text (the text is XML already). */
export const wordParagraph = (xmlText: string): string =>
  `<w:p><w:r><w:t xml:space="preserve">${xmlText}</w:t></w:r></w:p>`

/** A document the readers accept: a preamble of one paragraph. */
export const WELL_FORMED_BODY = `${wordParagraph('Préambule')}${wordParagraph('1. Nous, chefs d’État.')}`

/**
 * 117 KiB of text in three lines of ". . . . x": the trailing-punctuation regex of the heading
 * matcher tried the run from every start (20 s on main).
 */
export const threeLongLines = (): string =>
  Array.from({ length: 3 }, () => `${'. '.repeat(20_000)}x`).join('\n')

/** The same, each line just under MAX_LINE_CHARS, so that the reading itself must be linear. */
export const threeLinesUnderLimit = (maxLineChars: number): string =>
  Array.from({ length: 3 }, () => `${'. '.repeat(maxLineChars / 2 - 1)}x`).join('\n')

/**
 * A 1 KiB .docx whose package relationships are 16,000 unterminated `<Relationship ` tags: the
 * hand-written tag regex scanned to the end of the part from each (5 s on main).
 */
export const unterminatedRelationships = (): Uint8Array =>
  zipOf({
    '_rels/.rels': Buffer.from('<Relationship '.repeat(16_000)),
    'word/document.xml': documentXml(WELL_FORMED_BODY),
  })

/** A document.xml of `inflatedBytes` spaces that claims to inflate to 1,000 bytes. */
export const zipBomb = (inflatedBytes: number): Uint8Array =>
  zipOf({ 'word/document.xml': Buffer.alloc(inflatedBytes, 0x20) }, { declaredSize: 1_000 })

/** A well-formed document whose part is flagged as encrypted. */
export const encryptedDocx = (): Uint8Array =>
  handWrittenDocx(WELL_FORMED_BODY, { isEncrypted: true })

/** A UN text whose third line is `chars` characters long. */
export const overLongLine = (chars: number): string =>
  `Préambule\n\n1. ${'mot '.repeat(Math.ceil(chars / 4))}`

/**
 * Ten numbered paragraphs whose number and text `spaces` spaces apart: trimming the run's text
 * with a regex anchored at the end tried the spaces from every start, quadratic in them.
 */
export const spacedParagraphs = (spaces: number): Uint8Array =>
  handWrittenDocx(
    `${wordParagraph('Préambule')}${`<w:p><w:r><w:t>1.${' '.repeat(spaces)}Nous</w:t></w:r></w:p>`.repeat(10)}`,
  )

/** A paragraph style id of `digits` digits after "h": the heading-style regex split them every way. */
export const digitStyle = (digits: number): Uint8Array =>
  handWrittenDocx(
    `<w:p><w:pPr><w:pStyle w:val="h${'1'.repeat(digits)}x"/></w:pPr><w:r><w:t>Préambule</w:t></w:r></w:p>${wordParagraph('1. Nous.')}`,
  )

/**
 * Guiding principles of `bytes` in all, every line continuing the last: the reader looked at the
 * end of the growing block with a regex, copying it at every line.
 */
export const endlessPrinciple = (bytes: number): string => {
  const line = 'Abcdefghij klmnop qrstuv. wxyz d\n'
  return `Notre vision et nos principes directeurs\n\n1. Nos principes :\n\n${line.repeat(Math.floor(bytes / line.length))}`
}
