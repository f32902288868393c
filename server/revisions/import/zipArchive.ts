import { crc32 } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { fileError, ImportError } from './ImportError.ts'
import { MAX_DOCX_PART_BYTES } from './limits.ts'
import type { XmlPart } from './xmlTokens.ts'

// A .docx is a zip archive, read with yauzl: it reads the central directory (the archive's own
// index, not the local headers a streaming reader trusts), ZIP64 included, validates entry
// names, and inflates through Node's zlib as a stream, so the size of a part is counted while
// it inflates and the inflater stopped at the limit, whatever size the archive declares.

const notZip = () =>
  fileError('The file is not a .docx document (it is not a zip archive; save .doc files as .docx)')
const corrupt = (detail: string) => fileError(`The .docx file is damaged (${detail})`)
const tooLarge = () => fileError('The .docx file holds a part too large to import')

const detailOf = (error: unknown): string =>
  error instanceof Error ? error.message : 'it cannot be read'

// Reads one entry whole. yauzl's own size validation is off: it would fail a part that inflates
// past its declared size with the same words as a damaged one, and that is the zip bomb's trick.
async function inflate(zip: ZipFile, entry: Entry): Promise<Buffer> {
  if (entry.isEncrypted())
    throw fileError('The .docx file is encrypted; save it without a password')
  if (entry.uncompressedSize > MAX_DOCX_PART_BYTES) throw tooLarge()
  const stream = await zip.openReadStreamPromise(entry).catch((error: unknown) => {
    throw corrupt(detailOf(error))
  })
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.byteLength
      if (size > entry.uncompressedSize) throw tooLarge()
      chunks.push(chunk)
    }
  } catch (error) {
    throw error instanceof ImportError ? error : corrupt(`${entry.fileName} cannot be inflated`)
  } finally {
    stream.destroy()
  }
  if (size !== entry.uncompressedSize) throw corrupt(`${entry.fileName} is truncated`)
  const data = Buffer.concat(chunks, size)
  if (crc32(data) !== entry.crc32) throw corrupt(`${entry.fileName} fails its checksum`)
  return data
}

/** A zip archive opened for reading its parts as text. */
export interface ZipArchive {
  /** The part as UTF-8 text, or null if the archive has none by that name. */
  readPart(name: string): Promise<XmlPart | null>
}

/** Opens a zip archive; throws an ImportError if the bytes are not one or are damaged. */
export async function openZip(bytes: Uint8Array): Promise<ZipArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const options = { lazyEntries: true, validateEntrySizes: false }
  const zip = await yauzl.fromBufferPromise(buffer, options).catch(() => {
    throw notZip()
  })
  const entries = new Map<string, Entry>()
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry)
  } catch (error) {
    throw corrupt(detailOf(error))
  }
  return {
    async readPart(name) {
      const entry = entries.get(name)
      if (!entry) return null
      // TextDecoder drops a byte order mark.
      return { name, xml: new TextDecoder().decode(await inflate(zip, entry)) }
    },
  }
}
